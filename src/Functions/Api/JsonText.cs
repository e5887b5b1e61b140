using System.Text.Json;

namespace Reintegration.Functions.Api;

/// <summary>
/// Whether every string and property name of a parsed body is text. <see cref="JsonDocument"/> parses an escaped lone
/// surrogate (<c>"\udc00"</c>) without complaint, and <see cref="JsonElement.GetString"/> then throws: a body holding
/// one is refused where it is parsed, as malformed JSON is, so no reader meets it.
/// </summary>
public static class JsonText
{
    /// <summary>Null when all is text; else the JSON path of the first value that is not.</summary>
    public static string? FirstNotText(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (FirstNotText(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstNotText(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement text)
    {
        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
