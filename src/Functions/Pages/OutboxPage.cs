using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reintegration.Functions.Outbox;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>Development: the e-mails the product sent, newest first, with their links clickable.</summary>
public static partial class OutboxPage
{
    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    public static IEndpointRouteBuilder MapOutboxPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/outbox", async (IDevOutbox outbox, string? caseId, HttpContext http) =>
        {
            var emails = await outbox.ListAsync(caseId, http.RequestAborted);
            var html = new StringBuilder("<h1>Dev outbox</h1><p class=\"muted\">Every e-mail the product sent, newest first. In production these go through SendGrid.</p>");
            if (emails.Count == 0)
            {
                html.Append("<p>No e-mails yet.</p>");
            }

            foreach (var email in emails)
            {
                var message = email.Message;
                var text = Url().Replace(E(message.Text), m => $"<a href=\"{m.Value}\">{m.Value}</a>");
                html.Append(CultureInfo.InvariantCulture, $"<article class=\"mail\"><h2>{E(message.Subject)}</h2>")
                    .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">To {E(message.To)} · {email.DeliveredAt:yyyy-MM-dd HH:mm} UTC · case <a href=\"/cases/{E(message.CaseId)}\">{E(message.CaseId)}</a></p>")
                    .Append(CultureInfo.InvariantCulture, $"<pre style=\"white-space:pre-wrap\">{text}</pre></article>");
            }

            return Page("Dev outbox", html.ToString());
        }).ExcludeFromDescription();
        return app;
    }
}
