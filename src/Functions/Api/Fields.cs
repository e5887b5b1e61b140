using System.Text.Json;
using Reintegration.Domain;

namespace Reintegration.Functions.Api;

/// <summary>Typed reads from a JSON object that collect every problem with its field name instead of stopping at the first.</summary>
public sealed class Fields(JsonElement root, string prefix = "")
{
    private readonly List<FieldProblem> problems = [];
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);
    private readonly List<Fields> nested = [];

    public IReadOnlyList<FieldProblem> Problems => problems;

    public bool Ok => problems.Count == 0;

    public void Fail(string field, string reason, FieldFault fault = FieldFault.Invalid) =>
        problems.Add(new FieldProblem(prefix + field, reason, fault));

    /// <summary>
    /// After a request is read: each property nobody asked for, at any depth, is refused by name. A misspelt optional
    /// field ("fligth") was dropped without a word, and the request answered 200 without it.
    /// </summary>
    public IReadOnlyList<FieldProblem> Unasked()
    {
        var found = new List<FieldProblem>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            found.AddRange(root.EnumerateObject().Where(p => !asked.Contains(p.Name))
                .Select(p => new FieldProblem(prefix + p.Name, "is not a field of this request", FieldFault.Invalid)));
        }

        foreach (var inner in nested)
        {
            found.AddRange(inner.Unasked());
        }

        return found;
    }

    private Fields Nested(JsonElement element, string path)
    {
        var inner = new Fields(element, path);
        nested.Add(inner);
        return inner;
    }

    public JsonElement? Value(string name, bool required)
    {
        asked.Add(name);
        if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Fail(name, "is required", FieldFault.Missing);
        }

        return null;
    }

    public string? Text(string name, bool required = true, int maxLength = 200)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(name, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Fail(name, "must not be empty", FieldFault.Missing);
            return null;
        }

        if (text.Length > maxLength)
        {
            Fail(name, $"must be at most {maxLength} characters", FieldFault.TooLong);
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Fail(name, "must not contain control characters");
            return null;
        }

        return text;
    }

    public DateOnly? Date(string name, bool required = true)
    {
        var text = Text(name, required, 10);
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        Fail(name, IsoDate.Expected, FieldFault.NotADate);
        return null;
    }

    public bool? Flag(string name, bool required = true)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(name, "must be true or false");
        return null;
    }

    public int? Whole(string name, int min, int max, bool required = true)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(name, $"must be a whole number from {min} to {max}");
        return null;
    }

    public TEnum? Choice<TEnum>(string name, bool required = true)
        where TEnum : struct, Enum
    {
        var text = Text(name, required, 64);
        if (text is null)
        {
            return null;
        }

        if (Choices.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Fail(name, $"must be one of: {string.Join(", ", Choices.Names<TEnum>())}", FieldFault.NotAChoice);
        return null;
    }

    /// <summary>A list of enum names, e.g. <c>["airport-pickup", "cash"]</c>.</summary>
    public IReadOnlyList<TEnum> ChoiceList<TEnum>(string name, int max)
        where TEnum : struct, Enum
    {
        if (Value(name, true) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > max)
        {
            Fail(name, $"must be a list of at most {max} of: {string.Join(", ", Choices.Names<TEnum>())}");
            return [];
        }

        var items = new List<TEnum>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String && Choices.TryParse<TEnum>(element.GetString()!, out var item))
            {
                items.Add(item);
            }
            else
            {
                Fail($"{name}[{index}]", $"must be one of: {string.Join(", ", Choices.Names<TEnum>())}", FieldFault.NotAChoice);
            }

            index++;
        }

        return items;
    }

    /// <summary>Money as <c>{ "amount": 1200.50, "currency": "DKK" }</c>.</summary>
    public Money? Amount(string name, bool required = true)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(name, "must be an object with amount and currency");
            return null;
        }

        var inner = Nested(value, $"{prefix}{name}.");
        var currencyText = inner.Text("currency", maxLength: 3);
        decimal? amount = null;
        if (inner.Value("amount", true) is { } number)
        {
            if (number.ValueKind == JsonValueKind.Number && number.TryGetDecimal(out var parsed) && parsed >= 0 && parsed <= 100_000_000m && decimal.Round(parsed, 2) == parsed)
            {
                amount = parsed;
            }
            else
            {
                inner.Fail("amount", "must be a number from 0 to 100,000,000 with at most 2 decimals", FieldFault.NotAnAmount);
            }
        }

        if (currencyText is not null && !CurrencyCode.TryParse(currencyText, out _))
        {
            inner.Fail("currency", "must be DKK or EUR");
        }

        problems.AddRange(inner.Problems);
        return inner.Ok && CurrencyCode.TryParse(currencyText, out var currency) ? new Money(amount!.Value, currency) : null;
    }

    public IReadOnlyList<T> List<T>(string name, int max, Func<Fields, T?> item, bool required = true)
        where T : class
    {
        if (Value(name, required) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(name, "must be a list");
            return [];
        }

        if (value.GetArrayLength() > max)
        {
            Fail(name, $"may hold at most {max} items");
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            if (element.ValueKind != JsonValueKind.Object && typeof(T) != typeof(string))
            {
                Fail(path, "must be an object");
                continue;
            }

            var inner = Nested(element, $"{prefix}{path}.");
            var parsed = item(inner);
            problems.AddRange(inner.Problems);
            if (parsed is not null)
            {
                items.Add(parsed);
            }
        }

        return items;
    }
}

/// <summary>Enum names as the API spells them: kebab-case, case-insensitive on the way in.</summary>
public static class Choices
{
    /// <summary>
    /// One name, letters and hyphens only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> also takes numbers
    /// and comma lists, which it ORs together, so "withdrawn,moved" read as a third reason (deceased) and closed a case
    /// with it.
    /// </summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetter(c) || c == '-')
            && Enum.TryParse(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(Kebab);

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => Kebab(value.ToString());
}
