using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Budget;

public class PlanCapsTests
{
    private static CaseFile FileOf(CaseCommand.SubmitApplication application) =>
        CaseSpec.Given(application).State.File!;

    private static BudgetLine Line(ServiceCategory category, decimal amount, Currency currency = Currency.DKK) =>
        new(category.ToString(), category, "x", new Money(amount, currency));

    [Fact]
    public void Drc_family_of_four_in_uganda_has_an_in_kind_cap_of_80000_and_85000_is_refused_by_5000()
    {
        var caps = PlanCaps.For(CaseSpec.Programmes.Get("drc-denmark"), FileOf(Drc(family: FamilyOfFour())));
        caps.Total.ShouldBe(new Money(80000m, Currency.DKK));

        var breach = caps.Check([Line(ServiceCategory.SmallBusiness, 60000m), Line(ServiceCategory.LongTermHousing, 25000m)]).Single();
        breach.Excess.ShouldBe(new Money(5000m, Currency.DKK));
        breach.ToString().ShouldBe("post-return support over its cap (4 × DKK 20,000): planned DKK 85,000, cap DKK 80,000, excess DKK 5,000");
    }

    [Fact]
    public void Drc_somalia_allows_30000_per_person_with_a_5000_cash_part()
    {
        var caps = PlanCaps.For(CaseSpec.Programmes.Get("drc-denmark"), FileOf(Drc(country: "SO", nationality: "SO")));
        caps.Total.ShouldBe(new Money(30000m, Currency.DKK));
        caps.Cash.ShouldBe(new Money(5000m, Currency.DKK));
        caps.Check([Line(ServiceCategory.SmallBusiness, 25000m), Line(ServiceCategory.Cash, 5000m)]).ShouldBeEmpty();
        caps.Check([Line(ServiceCategory.SmallBusiness, 20000m), Line(ServiceCategory.Cash, 6000m)]).Single().Cap.ShouldBe("cash");
    }

    [Fact]
    public void Drc_elsewhere_allows_no_cash_in_the_plan()
    {
        var caps = PlanCaps.For(CaseSpec.Programmes.Get("drc-denmark"), FileOf(Drc()));
        caps.Check([Line(ServiceCategory.Cash, 100m)]).Single().Cap.ShouldBe("cash");
    }

    [Fact]
    public void Travel_cash_sits_outside_the_in_kind_cap()
    {
        var caps = PlanCaps.For(CaseSpec.Programmes.Get("drc-denmark"), FileOf(Drc()));
        caps.Check([Line(ServiceCategory.SmallBusiness, 20000m), Line(ServiceCategory.TravelCash, 1000m)]).ShouldBeEmpty();
        caps.Check([Line(ServiceCategory.TravelCash, 1500m)]).Single().Cap.ShouldBe("travel-cash");
    }

    [Fact]
    public void Eurp_voluntary_two_adults_three_minors_cap_7000_and_forced_1000_per_person()
    {
        IReadOnlyList<Person> family = [Adult("B", 1985, Relationship.Spouse), Child("C1", 2014), Child("C2", 2016), Child("C3", 2019)];
        var eurp = CaseSpec.Programmes.Get("eu-eurp");

        var voluntary = PlanCaps.For(eurp, FileOf(Eurp(family: family)));
        voluntary.Total.ShouldBe(new Money(7000m, Currency.EUR));
        voluntary.TotalExplanation.ShouldBe("2 × EUR 2,000 + 3 × EUR 1,000");

        PlanCaps.For(eurp, FileOf(Eurp(returnType: ReturnType.Forced, family: family))).Total.ShouldBe(new Money(5000m, Currency.EUR));
    }
}
