using System.Globalization;

namespace Reintegration.Functions.Api;

/// <summary>
/// The one date format every input takes: yyyy-MM-dd, nothing looser, from <see cref="Earliest"/> to
/// <see cref="Latest"/>. A date at the calendar's ends (0001-01-01, a common "unknown" in forms, or 9999-12-31) is
/// refused here: the rules count days, months and years from the dates they are given, and such a date made that
/// arithmetic throw (an intake answered 500; a departure booked for 9999-12-31 left its case's orchestration Failed).
/// </summary>
public static class IsoDate
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>What a field that is not such a date is told.</summary>
    public const string Expected = "must be a date as yyyy-MM-dd, from 1900-01-01 to 2199-12-31";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= Earliest && date <= Latest;
}
