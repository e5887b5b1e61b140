using System.Globalization;
using System.Text.Json;

namespace Reintegration.Functions.Intake;

/// <summary>Parses a webhook body strictly: one JSON object, bounded depth, no duplicate or commented properties.</summary>
internal static class IntakeJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>
    /// A timestamp as ISO 8601; one without an offset is taken as UTC, as Kobo stores it. One before 2000 is taken as
    /// absent, so the intake counts from its receipt: neither form tool existed then, and a year-10 submission time made
    /// the person's ages and, later, the erasure's arithmetic go wrong.
    /// </summary>
    public static DateTimeOffset? Timestamp(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.Year >= 2000 ? at : null;

    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, out FieldError? error)
    {
        try
        {
            var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && Api.JsonText.FirstNotText(document.RootElement) is { } notText)
            {
                document.Dispose();
                error = new FieldError(notText, "is not valid Unicode text (a lone surrogate)");
                return null;
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = null;
                return document;
            }

            document.Dispose();
            error = new FieldError("$", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            // The parser's message names the position, never the content.
            error = new FieldError("$", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        return null;
    }
}
