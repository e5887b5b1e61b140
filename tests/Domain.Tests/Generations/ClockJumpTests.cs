using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Generations;

/// <summary>
/// Time is data: a case that sleeps past several deadlines and then meets one message fires every timer due by then,
/// including those the firing sets (a month's escalation after its reminder), exactly as if woken day by day.
/// </summary>
public sealed class ClockJumpTests
{
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    private static CaseGeneration InMonitoring(out DateTimeOffset approvedAt)
    {
        var departure = DateOnly.FromDateTime(Day0.AddDays(30).UtcDateTime);
        var arrived = new DateTimeOffset(departure.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        approvedAt = arrived.AddDays(3);
        CaseCommand[] story =
        [
            Drc(), Approve(Day0.AddDays(1)), Book(departure, Day0.AddDays(2)), RequestPackage(Day0.AddDays(3)),
            Arrive(departure, arrived), Plan(arrived.AddDays(2), Currency.DKK, 15000m),
            ApprovePlanVersion(1, approvedAt),
        ];
        var generation = story.Aggregate(CaseGeneration.Start("case-1"), (g, c) => g.Receive(Decider, CaseMessage.Of(c)));
        generation.State.Stage.ShouldBe(CaseStage.Monitoring);
        return generation.Projected();
    }

    [Fact]
    public void Given_a_case_in_monitoring_When_one_tick_comes_100_days_later_Then_it_records_what_100_daily_ticks_record()
    {
        var start = InMonitoring(out var approvedAt);

        var jumped = start.Receive(Decider, CaseMessage.Tick(approvedAt.AddDays(100)));
        var stepped = Enumerable.Range(1, 100)
            .Aggregate(start, (g, day) => g.Receive(Decider, CaseMessage.Tick(approvedAt.AddDays(day))));

        jumped.Unprojected.Select(e => e.Event).OfType<CaseEvent.ReminderSent>().Select(r => r.Kind)
            .ShouldContain(TimerKind.MonitoringOverdue);
        jumped.Unprojected.ShouldMatch(stepped.Unprojected);
        jumped.State.ShouldMatch(stepped.State);
        jumped.Timers.ShouldMatch(stepped.Timers);
    }

    [Fact]
    public void Given_a_case_in_monitoring_When_a_report_stamped_100_days_later_arrives_Then_the_overdue_months_are_escalated_first()
    {
        var start = InMonitoring(out var approvedAt);

        var next = start.Receive(Decider, CaseMessage.Of(Report(1, approvedAt.AddDays(100))));

        var events = next.Unprojected.Select(e => e.Event).ToList();
        events[^1].ShouldBeOfType<CaseEvent.MonitoringReportSubmitted>();
        var overdue = events.OfType<CaseEvent.ReminderSent>().Where(r => r.Kind == TimerKind.MonitoringOverdue).ToList();
        overdue.Select(r => r.Round).ShouldBe([1, 2]); // month 3 is overdue on day 104
    }
}
