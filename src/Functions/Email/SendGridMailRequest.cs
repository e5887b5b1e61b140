using System.Text.Json;

namespace Reintegration.Functions.Email;

/// <summary>The JSON body of <c>POST /v3/mail/send</c> for one message to one recipient.</summary>
internal static class SendGridMailRequest
{
    public static byte[] Json(EmailMessage message, SendGridOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("personalizations");
            json.WriteStartObject();
            json.WriteStartArray("to");
            json.WriteStartObject();
            json.WriteString("email", message.To);
            json.WriteEndObject();
            json.WriteEndArray();
            // Echoed on every Event Webhook event, so a bounce finds its case. Ids only: SendGrid keeps these long-term.
            json.WriteStartObject("custom_args");
            json.WriteString("case_id", message.CaseId);
            json.WriteString("effect_id", message.EffectId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("from");
            json.WriteString("email", options.FromAddress);
            if (!string.IsNullOrWhiteSpace(options.FromName))
            {
                json.WriteString("name", options.FromName);
            }

            json.WriteEndObject();
            json.WriteString("subject", message.Subject);

            // SendGrid wants text/plain before text/html.
            json.WriteStartArray("content");
            Content(json, "text/plain", message.Text);
            Content(json, "text/html", message.Html);
            json.WriteEndArray();

            json.WriteStartObject("mail_settings");
            Setting(json, "sandbox_mode", options.SandboxMode);
            json.WriteEndObject();

            // Click tracking would rewrite the signed links through SendGrid's redirector.
            json.WriteStartObject("tracking_settings");
            json.WriteStartObject("click_tracking");
            json.WriteBoolean("enable", false);
            json.WriteBoolean("enable_text", false);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Content(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void Setting(Utf8JsonWriter json, string name, bool enable)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("enable", enable);
        json.WriteEndObject();
    }
}
