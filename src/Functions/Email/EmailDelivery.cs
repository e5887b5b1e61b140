using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Email;

/// <summary>Hands a composed e-mail to a mail service (SendGrid) or to the local dev outbox. Throws when it was not accepted.</summary>
public interface IEmailDelivery
{
    Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The workflow's message port: composes each e-mail effect and delivers it. A plan decision's comment is free text,
/// so the effect names only the plan version and the comment is read from the case's events here.
/// </summary>
public sealed class EmailEffectSender(EmailComposer composer, IEmailDelivery delivery, ICaseReadModel? cases = null)
    : IMessageSender
{
    public async Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
        await delivery.DeliverAsync(composer.Compose(effect, await CommentAsync(effect, cancellationToken)), cancellationToken);

    private async Task<string?> CommentAsync(CaseEffect effect, CancellationToken cancellationToken)
    {
        if (cases is null || effect is not CaseEffect.SendEmail
            {
                Template: EmailTemplate.PlanApproved or EmailTemplate.PlanRejected, Round: { } version,
            } email)
        {
            return null;
        }

        var events = await cases.ReadEventsAsync(email.CaseId, cancellationToken);
        var decision = events.Select(e => e.Event).LastOrDefault(e =>
            e is CaseEvent.PlanApproved approved && approved.Version == version
            || e is CaseEvent.PlanRejected rejected && rejected.Version == version);

        // Not projected yet (the durable engine projects before it runs effects, but may have failed to): the effect
        // fails and is retried, rather than telling the counsellor of a decision without its comment.
        return decision switch
        {
            CaseEvent.PlanApproved approved => approved.Comment,
            CaseEvent.PlanRejected rejected => rejected.Comment,
            _ => throw new InvalidOperationException(
                $"The decision on plan version {version} of case {email.CaseId} is not in the read model yet."),
        };
    }
}
