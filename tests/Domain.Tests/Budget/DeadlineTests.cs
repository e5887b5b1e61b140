using Reintegration.Domain.Calendar;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Tests.Budget;

public class DeadlineTests
{
    [Fact]
    public void Five_calendar_days_before_2026_12_10_is_2026_12_05() =>
        Deadline.Before(new DateOnly(2026, 12, 10), new DayPeriod(5, DayCount.Calendar)).ShouldBe(new DateOnly(2026, 12, 5));

    [Fact]
    public void Five_working_days_before_thursday_2026_12_10_is_thursday_2026_12_03() =>
        Deadline.Before(new DateOnly(2026, 12, 10), new DayPeriod(5, DayCount.Working)).ShouldBe(new DateOnly(2026, 12, 3));

    [Fact]
    public void Working_days_from_a_monday_skip_the_weekend() =>
        Deadline.Before(new DateOnly(2026, 12, 14), new DayPeriod(1, DayCount.Working)).ShouldBe(new DateOnly(2026, 12, 11));
}
