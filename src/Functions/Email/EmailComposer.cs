using Reintegration.Domain.Cases;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Email;

/// <summary>
/// Turns the workflow's e-mail effects into messages: recipient from configuration, wording in the effect's language
/// (English when there is none), and each link signed and made absolute.
/// </summary>
public sealed class EmailComposer(EmailOptions options, LinkTokens links)
{
    /// <summary>Composes a <see cref="CaseEffect.SendEmail"/> or <see cref="CaseEffect.NotifyPartner"/>; other effects are not e-mails.</summary>
    public EmailMessage Compose(CaseEffect effect) => effect switch
    {
        CaseEffect.SendEmail email => Compose(email),
        CaseEffect.NotifyPartner notice => Compose(notice),
        _ => throw new ArgumentException($"{effect?.GetType().Name ?? "null"} is not an e-mail effect.", nameof(effect)),
    };

    public EmailMessage Compose(CaseEffect.SendEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var language = EmailLanguage.Pick(email.Language, CaseEmailTexts.ByLanguage, email.Template);
        var wording = CaseEmailTexts.ByLanguage[language][email.Template];
        return Render(options.AddressFor(email.Recipient), language, wording, email.CaseId, email.EffectId, email.Links);
    }

    public EmailMessage Compose(CaseEffect.NotifyPartner notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var language = EmailLanguage.Pick(notice.Language, PartnerNoticeTexts.ByLanguage, notice.Notice);
        var wording = PartnerNoticeTexts.ByLanguage[language][notice.Notice];
        return Render(options.AddressForPartner(notice.PartnerId), language, wording, notice.CaseId, notice.EffectId, notice.Links);
    }

    private EmailMessage Render(string to, string language, EmailWording wording, string caseId, string effectId, IReadOnlyList<LinkIntent> intents)
    {
        var phrases = EmailPhrasebook.For(language);
        var signed = intents
            .Select(intent => new EmailLink(phrases.LinkLabels[intent.Action], links.UrlFor(links.Issue(caseId, intent)), intent.ExpiresAt))
            .ToList();
        return new EmailMessage(
            to,
            EmailLayout.Subject(phrases, wording, caseId),
            EmailLayout.Text(phrases, wording, caseId, signed),
            EmailLayout.Html(phrases, wording, caseId, signed),
            caseId,
            effectId);
    }
}
