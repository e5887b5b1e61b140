using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Outbox;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>Development: the e-mails the product sent, newest first, with their links clickable, and the dev clock.</summary>
public static partial class OutboxPage
{
    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    public static async Task<IResult> ShowAsync(HttpContext http, IDevOutbox outbox, string? caseId, TimeProvider clock)
    {
        var w = OfficeTexts.For(http);
        var emails = await outbox.ListAsync(caseId, http.RequestAborted);
        var html = new StringBuilder($"<h1>{E(w["outbox.title"])}</h1><p class=\"muted\">{E(w["outbox.intro"])}</p>");
        // Case time: e-mails, deadlines and link expiry follow the development clock, not the wall clock.
        var now = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(http.Request.PathBase)}/dev/clock/advance\" class=\"card\"><input type=\"hidden\" name=\"back\" value=\"/dev/outbox\">")
            .Append(CultureInfo.InvariantCulture, $"<p><strong>{E(w.Format("clock.now", now))}</strong></p>")
            .Append(CultureInfo.InvariantCulture, $"<label for=\"days\">{E(w["clock.advance"])}</label><input type=\"number\" id=\"days\" name=\"days\" min=\"1\" max=\"400\" value=\"1\" required>")
            .Append(CultureInfo.InvariantCulture, $"<button>{E(w["clock.button"])}</button></form>");
        if (emails.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(w["outbox.empty"])}</p>");
        }

        foreach (var email in emails)
        {
            var message = email.Message;
            var text = Url().Replace(E(message.Text), m => $"<a href=\"{m.Value}\">{m.Value}</a>");
            var sent = email.DeliveredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"mail\"><h2>{E(message.Subject)}</h2>")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(w.Format("outbox.to", message.To, sent))} <a href=\"{E(http.Request.PathBase)}/pages/cases/{E(message.CaseId)}?lang={w.Language}\">{E(message.CaseId)}</a></p>")
                .Append(CultureInfo.InvariantCulture, $"<pre>{text}</pre></article>");
        }

        return Page(http, w, w["outbox.title"], html.ToString(), nav: OfficeNavigation.Of(http, w));
    }
}
