using System.Text.Json;
using System.Text.RegularExpressions;
using Reintegration.Functions.Api;

namespace Reintegration.Functions.Intake;

/// <summary>The typed values of the intake schema: ids, country codes, dates, flags and choices.</summary>
internal sealed partial class IntakeFields
{
    public string? Matching(string name, Regex pattern, string expected, int maxLength, bool required = true)
    {
        var text = Text(name, maxLength, required);
        if (text is null || pattern.IsMatch(text))
        {
            return text;
        }

        Fail(name, $"must be {expected}");
        return null;
    }

    public string? Identifier(string name, bool required = true) =>
        Matching(name, IdentifierPattern(), "an id of letters, digits, '.', '_' or '-'", 64, required);

    public string? Country(string name) =>
        Matching(name, CountryPattern(), "an ISO 3166-1 alpha-2 country code of two letters", 2)?.ToUpperInvariant();

    public DateOnly? Date(string name)
    {
        var text = Text(name, 10);
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        Fail(name, Api.IsoDate.Expected);
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

        if (TextAnswers && value.ValueKind == JsonValueKind.String)
        {
            switch (value.GetString()!.Trim().ToUpperInvariant())
            {
                case "TRUE" or "YES" or "1":
                    return true;
                case "FALSE" or "NO" or "0":
                    return false;
                case "" when !required:
                    return null;
            }
        }

        Fail(name, TextAnswers ? "must be true or false (yes or no)" : "must be true or false");
        return null;
    }

    public TEnum? Choice<TEnum>(string name, Func<TEnum, bool>? allowed = null)
        where TEnum : struct, Enum
    {
        var text = Text(name, 64);
        if (text is null)
        {
            return null;
        }

        var kebab = text.Replace('_', '-');
        if (Choices.TryParse<TEnum>(kebab, out var value) && (allowed is null || allowed(value)))
        {
            return value;
        }

        var names = Enum.GetValues<TEnum>().Where(v => allowed is null || allowed(v)).Select(Choices.Kebab);
        Fail(name, $"must be one of: {string.Join(", ", names)}");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryPattern();
}
