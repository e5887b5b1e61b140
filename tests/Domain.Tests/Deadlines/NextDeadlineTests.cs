using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Deadlines;

/// <summary>The next deadline moves on with the calendar; what passed unmet stays listed as overdue until it is met.</summary>
public sealed class NextDeadlineTests
{
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());
    private static readonly Programme DrcDenmark = ProgrammeCatalog.Shipped().Get("drc-denmark");

    private static (CaseState State, DateOnly Arrived) InMonitoring(params int[] reported)
    {
        var departure = DateOnly.FromDateTime(Day0.AddDays(30).UtcDateTime);
        var arrived = new DateTimeOffset(departure.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        IEnumerable<CaseCommand> story =
        [
            Applications.Drc(), Approve(Day0.AddDays(1)), Book(departure, Day0.AddDays(2)), RequestPackage(Day0.AddDays(3)),
            Arrive(departure, arrived), Plan(arrived.AddDays(2), Currency.DKK, 15000m), ApprovePlanVersion(1, arrived.AddDays(3)),
        ];
        story = story.Concat(reported.Select(m =>
            Report(m, new DateTimeOffset(CaseEvolution.MonitoringDate(departure, m).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));
        var generation = story.Aggregate(CaseGeneration.Start("case-1"), (g, c) => g.Receive(Decider, CaseMessage.Of(c)));
        generation.State.Stage.ShouldBe(CaseStage.Monitoring);
        return (generation.State, departure);
    }

    [Fact]
    public void Given_month_1_unreported_When_month_2_is_ahead_Then_month_2_is_next_and_month_1_overdue()
    {
        var (state, arrived) = InMonitoring();
        var today = CaseEvolution.MonitoringDate(arrived, 1).AddDays(3);

        var deadlines = NextDeadline.Of(state, DrcDenmark, today);

        deadlines.Next!.Code.ShouldBe("monitoring-report");
        deadlines.Next.Number.ShouldBe(2);
        deadlines.Overdue.Select(d => d.Key).ShouldBe(["monitoring-report:1"]);
    }

    [Fact]
    public void Given_no_report_for_a_year_When_asked_a_year_after_arrival_Then_the_financial_report_is_next_and_the_months_are_overdue()
    {
        var (state, arrived) = InMonitoring();
        var today = CaseEvolution.MonitoringDate(arrived, 11).AddDays(1);

        var deadlines = NextDeadline.Of(state, DrcDenmark, today);

        deadlines.Next!.Number.ShouldBe(12);
        deadlines.Overdue.Select(d => d.Number).ShouldBe(Enumerable.Range(1, 11).Select(m => (int?)m));
        deadlines.OldestOverdue!.Date.ShouldBe(CaseEvolution.MonitoringDate(arrived, 1));
        NextDeadline.Of(state, DrcDenmark, today.AddMonths(2)).Next.ShouldBeNull();
        NextDeadline.Open(state, DrcDenmark)[^1].Code.ShouldBe("financial-report");
    }

    [Fact]
    public void Given_months_1_to_3_reported_When_asked_in_month_4_Then_nothing_is_overdue_and_month_4_is_next()
    {
        var (state, arrived) = InMonitoring(1, 2, 3);

        var deadlines = NextDeadline.Of(state, DrcDenmark, CaseEvolution.MonitoringDate(arrived, 3).AddDays(1));

        deadlines.Overdue.ShouldBeEmpty();
        deadlines.Next!.Number.ShouldBe(4);
    }

    [Fact]
    public void Given_a_case_waiting_for_the_agency_When_asked_Then_the_lapse_is_the_deadline_and_it_is_overdue_after_it()
    {
        var state = CaseGeneration.Start("case-1").Receive(Decider, CaseMessage.Of(Applications.Drc())).State;
        var open = NextDeadline.Open(state, DrcDenmark).ShouldHaveSingleItem();
        open.Code.ShouldBe("decision-lapses");

        NextDeadline.Of(state, DrcDenmark, open.Date.AddDays(1)).Overdue.ShouldBe([open]);
    }
}
