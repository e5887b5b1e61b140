using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Calendar;

/// <summary>Date arithmetic for the programmes' deadlines. Working days are Monday to Friday; public holidays are not known.</summary>
public static class Deadline
{
    /// <summary>The last date that is still <paramref name="period"/> before <paramref name="date"/>.</summary>
    public static DateOnly Before(DateOnly date, DayPeriod period)
    {
        if (period.Count == DayCount.Calendar)
        {
            return date.AddDays(-period.Days);
        }

        var day = date;
        for (var counted = 0; counted < period.Days;)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Midnight UTC starting a date: timers and deadlines are kept in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
