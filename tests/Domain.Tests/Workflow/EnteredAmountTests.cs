using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

/// <summary>The decider refuses bad amounts itself, not only the API: negative, past the cent, past the ceiling.</summary>
public class EnteredAmountTests
{
    private static readonly DateOnly December10 = new(2026, 12, 10);

    private static CaseSpec Booked() => CaseSpec.Given(Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)));

    private static CaseSpec Arrived() => CaseSpec.Given(
        Drc(), Approve(Day0), Book(December10, On(2026, 11, 20)), Arrive(December10, On(2026, 12, 11)));

    private static CaseSpec Departed() => CaseSpec.Given(
        Drc(country: "ER", nationality: "ER"), Approve(Day0), Book(December10, On(2026, 11, 20)),
        new CaseCommand.RecordDeparture("case-1", "dep", On(2026, 12, 10, 12), December10));

    private static CaseCommand.RequestPostArrival Estimate(decimal amount) =>
        RequestPackage(On(2026, 11, 21)) with { EstimatedValue = new Money(amount, Currency.DKK) };

    private static CaseCommand.SubmitFinancialReport Spent(decimal amount) =>
        new("case-1", "fin", On(2026, 12, 11), [new("cash-at-departure", new Money(amount, Currency.DKK))], null);

    [Fact]
    public void Given_a_booked_departure_When_the_post_arrival_estimate_is_negative_Then_it_is_refused()
    {
        var spec = Booked();
        spec.When(Estimate(-5m)).ThenRejected("amount-negative").Field.ShouldBe("estimatedValue");
        spec.State.PostArrival.ShouldBeNull();
    }

    [Fact]
    public void Given_a_booked_departure_When_the_post_arrival_estimate_has_three_decimals_Then_it_is_refused() =>
        Booked().When(Estimate(100.005m)).ThenRejected("amount-too-precise").Field.ShouldBe("estimatedValue");

    [Fact]
    public void Given_an_arrival_When_a_plan_line_has_three_decimals_Then_it_is_refused() =>
        Arrived().When(Plan(On(2026, 12, 12), Currency.DKK, 5000m, 1000.001m))
            .ThenRejected("amount-too-precise").Field.ShouldBe("lines[1].amount");

    [Fact]
    public void Given_an_arrival_When_a_plan_would_overflow_a_decimal_Then_it_is_refused_not_thrown()
    {
        var spec = Arrived();
        spec.When(Plan(On(2026, 12, 12), Currency.DKK, decimal.MaxValue, 1m))
            .ThenRejected("amount-too-large").Field.ShouldBe("lines[0].amount");
        spec.ThenStage(CaseStage.AwaitingPlan).State.Plan.ShouldBeNull();
    }

    [Fact]
    public void Given_an_arrival_When_a_plan_line_is_just_over_the_ceiling_Then_it_is_refused() =>
        Arrived().When(Plan(On(2026, 12, 12), Currency.DKK, AmountRules.Ceiling + 0.01m))
            .ThenRejected("amount-too-large");

    [Fact]
    public void Given_a_departure_When_the_spending_has_three_decimals_or_is_past_the_ceiling_Then_it_is_refused()
    {
        Departed().When(Spent(19999.999m)).ThenRejected("amount-too-precise").Field.ShouldBe("lines[0].actual");
        Departed().When(Spent(decimal.MaxValue)).ThenRejected("amount-too-large");
        Departed().When(Spent(19999.99m)).ThenStage(CaseStage.FinancialReported);
    }
}
