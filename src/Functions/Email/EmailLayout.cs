using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Reintegration.Functions.Email;

/// <summary>A signed link as it appears in an e-mail.</summary>
internal sealed record EmailLink(string Label, Uri Url, DateTimeOffset ExpiresAt);

/// <summary>Lays out an e-mail as plain text and as HTML; everything inserted into the HTML is encoded.</summary>
internal static class EmailLayout
{
    // All scripts pass through as they are (Arabic stays readable); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Subject(EmailPhrases phrases, EmailWording wording, string caseId) =>
        $"{wording.Subject} ({phrases.Case} {caseId})";

    public static string Text(
        EmailPhrases phrases, EmailWording wording, string caseId, IReadOnlyList<EmailLink> links, string? comment = null)
    {
        var text = new StringBuilder();
        text.Append(wording.Lead).Append("\n\n");
        if (comment is not null)
        {
            text.Append(phrases.Comment).Append(":\n").Append(comment).Append("\n\n");
        }

        text.Append(phrases.Case).Append(": ").Append(caseId).Append("\n\n");
        foreach (var link in links)
        {
            text.Append(link.Label).Append(":\n").Append(link.Url.AbsoluteUri).Append('\n');
            text.Append(Expiry(phrases, link)).Append("\n\n");
        }

        if (links.Count > 0)
        {
            text.Append(phrases.ConfirmFirst).Append("\n\n");
        }

        return text.Append("-- \n").Append(phrases.Footer).Append('\n').ToString();
    }

    public static string Html(
        EmailPhrases phrases, EmailWording wording, string caseId, IReadOnlyList<EmailLink> links, string? comment = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encoder.Encode(phrases.Language))
            .Append("\" dir=\"").Append(phrases.RightToLeft ? "rtl" : "ltr").Append("\">\n");
        html.Append("<head><meta charset=\"utf-8\"><title>").Append(Encoder.Encode(Subject(phrases, wording, caseId))).Append("</title></head>\n");
        html.Append("<body style=\"font-family:sans-serif;line-height:1.5\">\n");
        html.Append("<p>").Append(Encoder.Encode(wording.Lead)).Append("</p>\n");
        if (comment is not null)
        {
            // Free text keeps its line breaks by style: everything in it is encoded.
            html.Append("<p><strong>").Append(Encoder.Encode(phrases.Comment)).Append(":</strong></p>\n")
                .Append("<p style=\"white-space:pre-line\">").Append(Encoder.Encode(comment)).Append("</p>\n");
        }

        html.Append("<p>").Append(Encoder.Encode(phrases.Case)).Append(": <strong>").Append(Encoder.Encode(caseId)).Append("</strong></p>\n");
        foreach (var link in links)
        {
            html.Append("<p><a href=\"").Append(Encoder.Encode(link.Url.AbsoluteUri)).Append("\">").Append(Encoder.Encode(link.Label)).Append("</a><br>")
                .Append("<small>").Append(Encoder.Encode(Expiry(phrases, link))).Append("</small></p>\n");
        }

        if (links.Count > 0)
        {
            html.Append("<p>").Append(Encoder.Encode(phrases.ConfirmFirst)).Append("</p>\n");
        }

        html.Append("<hr>\n<p><small>").Append(Encoder.Encode(phrases.Footer)).Append("</small></p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Expiry(EmailPhrases phrases, EmailLink link) =>
        string.Format(CultureInfo.InvariantCulture, phrases.ValidUntil, link.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
}
