using System.Globalization;
using System.Text.Json;
using Azure;

namespace Reintegration.Storage.Tables;

/// <summary>
/// The OData JSON form of an entity. Types JSON cannot carry get an <c>Name@odata.type</c> annotation: Edm.Int64
/// (as a string), Edm.DateTime, Edm.Guid, Edm.Binary (base64) and Edm.Double (so 1.0 stays a double).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                if (value is not null && name != "Timestamp")
                {
                    WriteProperty(json, name, value);
                }
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string s:
                json.WriteString(name, s);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteString(name + TypeSuffix, "Edm.Int64");
                json.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case double d:
                json.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    json.WriteNumber(name, d);
                }
                else
                {
                    json.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                WriteDateTime(json, name, dto.UtcDateTime);
                break;
            case DateTime dt:
                WriteDateTime(json, name, dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt);
                break;
            case Guid g:
                json.WriteString(name + TypeSuffix, "Edm.Guid");
                json.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                json.WriteString(name + TypeSuffix, "Edm.Binary");
                json.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' has type {value.GetType().Name}, which a table entity cannot store.", nameof(value));
        }
    }

    private static void WriteDateTime(Utf8JsonWriter json, string name, DateTime utc)
    {
        json.WriteString(name + TypeSuffix, "Edm.DateTime");
        json.WriteString(name, utc.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>Reads an entity from a minimal- or full-metadata JSON object.</summary>
    public static TableEntity Deserialize(JsonElement element)
    {
        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag" && property.Value.ValueKind == JsonValueKind.String)
                {
                    entity.ETag = new ETag(property.Value.GetString()!);
                }

                continue;
            }

            var edmType = element.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            var value = ReadValue(property.Value, edmType);
            if (name == "Timestamp")
            {
                entity.Timestamp = value switch
                {
                    DateTimeOffset d => d,
                    string s => ParseDateTime(s),
                    _ => null,
                };
                continue;
            }

            entity[name] = value;
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => (edmType, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        ("Edm.Int64", JsonValueKind.String) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Int64", JsonValueKind.Number) => value.GetInt64(),
        ("Edm.DateTime", _) => ParseDateTime(value.GetString()!),
        ("Edm.Guid", _) => Guid.Parse(value.GetString()!),
        ("Edm.Binary", _) => value.GetBytesFromBase64(),
        ("Edm.Double", JsonValueKind.String) => ParseSpecialDouble(value.GetString()!),
        ("Edm.Double", JsonValueKind.Number) => value.GetDouble(),
        ("Edm.Int32", JsonValueKind.Number) => value.GetInt32(),
        (_, JsonValueKind.String) => value.GetString(),
        (_, JsonValueKind.True) => true,
        (_, JsonValueKind.False) => false,
        (_, JsonValueKind.Number) => ReadUnannotatedNumber(value),
        _ => value.GetRawText(),
    };

    /// <summary>An integral JSON number that fits is an Edm.Int32; anything else a double.</summary>
    private static object ReadUnannotatedNumber(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt32(out var i) ? (object)i : value.GetDouble();
    }

    private static double ParseSpecialDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
