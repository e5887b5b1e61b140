using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reintegration.Functions.Email;

/// <summary>
/// Reads an Event Webhook post (a JSON array of events) and keeps the failures that need an alert on a case. Custom
/// args come back as top-level fields, so <c>case_id</c> and <c>effect_id</c> sit beside <c>event</c>. Events without
/// a case id (other mail of the account) and everything else (processed, delivered, deferred, opens, ...) are ignored.
/// </summary>
public static partial class SendGridDeliveryEvents
{
    private const int MaxReasonChars = 300;

    /// <exception cref="FormatException">The body is not a JSON array.</exception>
    public static IReadOnlyList<EmailDeliveryFailure> FailuresIn(ReadOnlySpan<byte> rawBody)
    {
        JsonDocument document;
        try
        {
            // Parse, unlike ParseValue, also refuses trailing content after the array.
            document = JsonDocument.Parse(rawBody.ToArray());
        }
        catch (JsonException ex)
        {
            throw new FormatException("The Event Webhook body is not JSON.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The Event Webhook body is not a JSON array of events.");
            }

            if (Api.JsonText.FirstNotText(document.RootElement) is not null)
            {
                throw new FormatException("The Event Webhook body holds text that is not valid Unicode.");
            }

            return document.RootElement.EnumerateArray().Select(Failure).OfType<EmailDeliveryFailure>().ToList();
        }
    }

    private static EmailDeliveryFailure? Failure(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || Text(item, "case_id") is not { Length: > 0 } caseId)
        {
            return null;
        }

        var type = Text(item, "event");
        if (type is not ("bounce" or "dropped"))
        {
            return null;
        }

        return new EmailDeliveryFailure(caseId, Text(item, "effect_id"), type, WithoutAddresses(Text(item, "reason")), Text(item, "sg_event_id"));
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Bounce reasons often quote the recipient ("550 5.1.1 &lt;a@b.org&gt;: unknown"); the alert must not.</summary>
    private static string? WithoutAddresses(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        var scrubbed = Address().Replace(reason, "[address]");
        return scrubbed.Length > MaxReasonChars ? scrubbed[..MaxReasonChars] : scrubbed;
    }

    [GeneratedRegex(@"[^\s<>()\[\]""',;:]+@[^\s<>()\[\]""',;:]+")]
    private static partial Regex Address();
}
