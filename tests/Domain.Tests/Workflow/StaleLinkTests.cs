using Reintegration.Domain.Cases;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

/// <summary>
/// A link's command carries the round it was sent for; the decider refuses it by name once the case moved past that
/// round, and the link page's question (<see cref="LinkRounds.Stale"/>) gets the same answer.
/// </summary>
public class StaleLinkTests
{
    private static readonly DateOnly December10 = new(2026, 12, 10);

    private static CaseCommand.DecideEligibility DecisionLink(int round, DateTimeOffset at) =>
        new("case-1", $"link:decide:{round}", at, true, null, round);

    private static CaseCommand.ConfirmArrival ArrivalLink(int booking, DateTimeOffset at) =>
        new("case-1", $"link:arrive:{booking}", at, December10, booking);

    private static CaseSpec ReopenedInRound2()
    {
        var lapse = new CaseTimer("case-1", TimerKind.DecisionLapse, 1, Day0.AddDays(14));
        return CaseSpec.Given(Drc(), Fire(lapse), new CaseCommand.ReopenCase("case-1", "reopen", Day0.AddDays(20)));
    }

    private static void PageAgrees(CaseSpec spec, LinkAction action, int round, string code) =>
        LinkRounds.Stale(action, round, spec.State).ShouldNotBeNull().Code.ShouldBe(code);

    [Fact]
    public void Given_a_lapsed_and_reopened_case_When_the_round_1_decision_link_is_used_Then_it_is_refused_as_stale()
    {
        var spec = ReopenedInRound2();
        spec.When(DecisionLink(1, Day0.AddDays(21))).ThenRejected("decision-round-stale")
            .Message.ShouldContain("round 1");
        spec.ThenStage(CaseStage.AwaitingDecision).State.Eligible.ShouldBeNull();
        PageAgrees(spec, LinkAction.DecideEligibility, 1, "decision-round-stale");

        spec.When(DecisionLink(2, Day0.AddDays(21))).ThenStage(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public void Given_a_decided_case_When_its_decision_link_is_used_again_with_another_id_Then_it_is_refused_as_stale()
    {
        var spec = CaseSpec.Given(Drc(), Approve(Day0.AddHours(1)));
        spec.When(DecisionLink(1, Day0.AddHours(2)) with { Eligible = false, Reason = "second thoughts" })
            .ThenRejected("decision-round-stale");
        spec.ThenStage(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public void Given_a_reopened_case_When_the_API_decides_without_a_round_Then_it_decides_the_current_round() =>
        ReopenedInRound2().When(Approve(Day0.AddDays(21))).ThenStage(CaseStage.AwaitingDeparture);

    [Fact]
    public void Given_a_cancelled_booking_When_its_arrival_link_is_used_Then_it_is_refused_as_stale()
    {
        var spec = CaseSpec.Given(Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)),
            new CaseCommand.CancelDeparture("case-1", "cancel", On(2026, 11, 25)));
        spec.When(ArrivalLink(1, On(2026, 12, 11))).ThenRejected("booking-stale").Field.ShouldBe("booking");
        spec.ThenStage(CaseStage.AwaitingDeparture);
        PageAgrees(spec, LinkAction.ConfirmArrival, 1, "booking-stale");
    }

    [Fact]
    public void Given_a_rebooked_departure_When_the_first_arrival_link_is_used_Then_only_the_new_one_acts()
    {
        var spec = CaseSpec.Given(Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)),
            new CaseCommand.CancelDeparture("case-1", "cancel", On(2026, 11, 25)), Book(December10, On(2026, 11, 26)));
        spec.State.Booking.ShouldBe(3);
        spec.When(ArrivalLink(1, On(2026, 12, 11))).ThenRejected("booking-stale");
        spec.ThenStage(CaseStage.DepartureBooked);
        PageAgrees(spec, LinkAction.ConfirmArrival, 1, "booking-stale");

        spec.When(ArrivalLink(3, On(2026, 12, 11))).ThenStage(CaseStage.AwaitingPlan);
    }

    [Fact]
    public void Given_a_booking_When_the_API_confirms_arrival_without_one_Then_it_is_for_the_current_one() =>
        CaseSpec.Given(Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)))
            .When(Arrive(December10, On(2026, 12, 11))).ThenStage(CaseStage.AwaitingPlan);

    [Fact]
    public void Given_an_approved_plan_When_its_link_rejects_it_Then_it_is_refused_as_no_longer_pending()
    {
        var spec = CaseSpec.Given(
            Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)), Arrive(December10, On(2026, 12, 11)),
            Plan(On(2026, 12, 12), Currency.DKK, 5000m), ApprovePlanVersion(1, On(2026, 12, 13)));
        spec.When(new CaseCommand.RejectPlan("case-1", "link:plan:1", On(2026, 12, 14), 1, "on second thoughts"))
            .ThenRejected("plan-not-pending");
        spec.ThenStage(CaseStage.Monitoring);
        PageAgrees(spec, LinkAction.DecidePlan, 1, "plan-not-pending");
    }

    [Fact]
    public void Given_a_superseded_plan_When_its_link_approves_it_Then_it_is_refused_as_superseded()
    {
        var spec = CaseSpec.Given(
            Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)), Arrive(December10, On(2026, 12, 11)),
            Plan(On(2026, 12, 12), Currency.DKK, 5000m), RejectPlanVersion(1, On(2026, 12, 13)),
            Plan(On(2026, 12, 14), Currency.DKK, 4000m) with { CommandId = "plan-2" });
        spec.When(ApprovePlanVersion(1, On(2026, 12, 15))).ThenRejected("plan-superseded");
        spec.ThenStage(CaseStage.PlanPendingApproval);
        PageAgrees(spec, LinkAction.DecidePlan, 1, "plan-superseded");
    }

    [Fact]
    public void Given_a_reported_month_on_a_closed_case_When_its_link_is_used_Then_it_is_refused_as_reported()
    {
        var spec = CaseSpec.Given(
            Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)), Arrive(December10, On(2026, 12, 11)),
            Report(1, On(2027, 1, 10)),
            new CaseCommand.CloseCase("case-1", "moved", On(2027, 1, 11), ClosureReason.Moved));
        spec.When(Report(1, On(2027, 1, 12)) with { CommandId = "link:month:1" })
            .ThenRejected("monitoring-report-exists");
        PageAgrees(spec, LinkAction.ReportMonitoring, 1, "monitoring-report-exists");
    }

    [Fact]
    public void Given_a_case_waiting_for_each_link_Then_the_page_finds_none_stale()
    {
        var waiting = CaseSpec.Given(Drc());
        LinkRounds.Stale(LinkAction.DecideEligibility, 1, waiting.State).ShouldBeNull();
        var booked = CaseSpec.Given(Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)));
        LinkRounds.Stale(LinkAction.ConfirmArrival, 1, booked.State).ShouldBeNull();
        var pending = CaseSpec.Given(
            Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)), Arrive(December10, On(2026, 12, 11)),
            Plan(On(2026, 12, 12), Currency.DKK, 5000m));
        LinkRounds.Stale(LinkAction.DecidePlan, 1, pending.State).ShouldBeNull();
        LinkRounds.Stale(LinkAction.ReportMonitoring, 1, pending.State).ShouldBeNull();
    }
}
