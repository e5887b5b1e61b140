using System.Text.Json;

namespace Reintegration.Domain.Programmes;

/// <summary>Reads a JSON profile field by field, collecting every problem with its path instead of stopping at the first.</summary>
internal sealed class ProfileReader(string file)
{
    private readonly List<ProgrammeProfileError> errors = [];

    public IReadOnlyList<ProgrammeProfileError> Errors => errors;

    public void Fail(string path, string reason) => errors.Add(new ProgrammeProfileError(file, path, reason));

    public JsonElement? Property(JsonElement parent, string path, string name, bool required = true)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Fail($"{path}.{name}", "is required");
        }

        return null;
    }

    public string String(JsonElement parent, string path, string name, string fallback = "")
    {
        var value = Property(parent, path, name);
        if (value is null)
        {
            return fallback;
        }

        if (value.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Value.GetString()))
        {
            Fail($"{path}.{name}", "must be a non-empty string");
            return fallback;
        }

        return value.Value.GetString()!;
    }

    public string? OptionalString(JsonElement parent, string path, string name)
    {
        var value = Property(parent, path, name, required: false);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Fail($"{path}.{name}", "must be a string");
            return null;
        }

        return value.Value.GetString();
    }

    public decimal Amount(JsonElement parent, string path, string name) =>
        OptionalAmount(parent, path, name, required: true) ?? 0m;

    public decimal? OptionalAmount(JsonElement parent, string path, string name, bool required = false)
    {
        var value = Property(parent, path, name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetDecimal(out var amount) || amount < 0)
        {
            Fail($"{path}.{name}", "must be a number of zero or more");
            return null;
        }

        return amount;
    }

    public int Days(JsonElement parent, string path, string name, int min = 0, int max = 3660)
    {
        var value = Property(parent, path, name);
        if (value is null)
        {
            return min;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var days) || days < min || days > max)
        {
            Fail($"{path}.{name}", $"must be a whole number from {min} to {max}");
            return min;
        }

        return days;
    }

    public bool Flag(JsonElement parent, string path, string name)
    {
        var value = Property(parent, path, name);
        if (value is null)
        {
            return false;
        }

        if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail($"{path}.{name}", "must be true or false");
            return false;
        }

        return value.Value.GetBoolean();
    }

    public IReadOnlyList<T> List<T>(JsonElement parent, string path, string name, Func<JsonElement, string, T?> item, bool required = true)
        where T : class
    {
        var value = Property(parent, path, name, required);
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Fail($"{path}.{name}", "must be a list");
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in value.Value.EnumerateArray())
        {
            var parsed = item(element, $"{path}.{name}[{index++}]");
            if (parsed is not null)
            {
                items.Add(parsed);
            }
        }

        return items;
    }

    public IReadOnlyList<string> Strings(JsonElement parent, string path, string name, bool required = true) =>
        List(parent, path, name, (element, at) =>
        {
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                return element.GetString();
            }

            Fail(at, "must be a non-empty string");
            return null;
        }, required);

    public TEnum? Enum<TEnum>(JsonElement parent, string path, string name, bool required = true)
        where TEnum : struct, Enum
    {
        var text = required ? String(parent, path, name) : OptionalString(parent, path, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalized = text.Replace("-", string.Empty, StringComparison.Ordinal);
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        Fail($"{path}.{name}", $"'{text}' is not one of: {allowed}");
        return null;
    }
}
