using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Email;

/// <summary>Hands a composed e-mail to a mail service (SendGrid) or to the local dev outbox. Throws when it was not accepted.</summary>
public interface IEmailDelivery
{
    Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The workflow's message port: composes each e-mail effect and delivers it.</summary>
public sealed class EmailEffectSender(EmailComposer composer, IEmailDelivery delivery) : IMessageSender
{
    public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
        delivery.DeliverAsync(composer.Compose(effect), cancellationToken);
}
