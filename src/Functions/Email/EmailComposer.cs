using Reintegration.Domain.Cases;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Email;

/// <summary>
/// Turns the workflow's e-mail effects into messages: recipient from configuration, wording in the effect's language
/// (English when there is none), and each link signed and made absolute.
/// </summary>
public sealed class EmailComposer(EmailOptions options, LinkTokens links)
{
    /// <summary>
    /// Composes a <see cref="CaseEffect.SendEmail"/> or <see cref="CaseEffect.NotifyPartner"/>; other effects are not
    /// e-mails. <paramref name="comment"/> is free text read from the case (a plan decision's comment), never the effect.
    /// </summary>
    public EmailMessage Compose(CaseEffect effect, string? comment = null) => effect switch
    {
        CaseEffect.SendEmail email => Compose(email, comment),
        CaseEffect.NotifyPartner notice => Compose(notice),
        _ => throw new ArgumentException($"{effect?.GetType().Name ?? "null"} is not an e-mail effect.", nameof(effect)),
    };

    public EmailMessage Compose(CaseEffect.SendEmail email, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        var language = EmailLanguage.Pick(email.Language, CaseEmailTexts.ByLanguage, email.Template);
        var wording = CaseEmailTexts.ByLanguage[language][email.Template];
        var to = options.AddressFor(email.Recipient);
        return Render(to, language, wording, email.CaseId, email.EffectId, email.Links, comment);
    }

    public EmailMessage Compose(CaseEffect.NotifyPartner notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var language = EmailLanguage.Pick(notice.Language, PartnerNoticeTexts.ByLanguage, notice.Notice);
        var wording = PartnerNoticeTexts.ByLanguage[language][notice.Notice];
        return Render(options.AddressForPartner(notice.PartnerId), language, wording, notice.CaseId, notice.EffectId, notice.Links);
    }

    private EmailMessage Render(
        string to, string language, EmailWording wording, string caseId, string effectId,
        IReadOnlyList<LinkIntent> intents, string? comment = null)
    {
        var phrases = EmailPhrasebook.For(language);
        var signed = intents
            .Select(intent => new EmailLink(phrases.LinkLabels[intent.Action], links.UrlFor(links.Issue(caseId, intent), language), intent.ExpiresAt))
            .ToList();
        return new EmailMessage(
            to,
            EmailLayout.Subject(phrases, wording, caseId),
            EmailLayout.Text(phrases, wording, caseId, signed, comment),
            EmailLayout.Html(phrases, wording, caseId, signed, comment),
            caseId,
            effectId);
    }
}
