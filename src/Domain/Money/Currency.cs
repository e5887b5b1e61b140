namespace Reintegration.Domain;

/// <summary>An ISO 4217 currency the programmes pay in.</summary>
public enum Currency
{
    DKK,
    EUR,
}

/// <summary>Parses currency codes strictly: an unknown code is an error, never a default.</summary>
public static class CurrencyCode
{
    public static bool TryParse(string? code, out Currency currency)
    {
        currency = default;
        return code is { Length: 3 }
            && code.All(char.IsAsciiLetterUpper)
            && Enum.TryParse(code, ignoreCase: false, out currency)
            && Enum.IsDefined(currency);
    }
}
