using System.Text.Json;
using System.Xml.Linq;

namespace Reintegration.Storage.Pipeline;

/// <summary>Reads the error code (and, for batches, the message) out of a service error body.</summary>
internal static class ErrorBody
{
    public static string? Code(string body) => Read(body).Code;

    /// <summary>The code and the message of an error body: JSON <c>{"odata.error":{...}}</c> or XML <c>&lt;Error&gt;</c>.</summary>
    public static (string? Code, string? Message) Read(string body)
    {
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                var error = json.RootElement.TryGetProperty("odata.error", out var odata) ? odata : json.RootElement;
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                string? message = null;
                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.String ? m.GetString()
                        : m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                        : null;
                }

                return (code, message);
            }

            if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (JsonException)
        {
        }
        catch (System.Xml.XmlException)
        {
        }

        return (null, null);
    }
}
