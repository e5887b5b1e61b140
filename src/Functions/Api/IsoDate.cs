using System.Globalization;

namespace Reintegration.Functions.Api;

/// <summary>The one date format every input takes: yyyy-MM-dd, nothing looser.</summary>
public static class IsoDate
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
