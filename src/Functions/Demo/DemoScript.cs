using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.InMemory;

namespace Reintegration.Functions.Demo;

/// <summary>A demo case and the in-memory system (with its own fake clock) it ran in.</summary>
public sealed record DemoCase(string CaseId, InMemoryCaseSystem System);

/// <summary>One case of each programme driven from intake to closure over 12 simulated months, with a fake clock.</summary>
public static class DemoScript
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<DemoCase>> RunAsync()
    {
        var drc = new InMemoryCaseSystem(Start);
        await DrcUganda(drc);
        var eurp = new InMemoryCaseSystem(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await EurpSenegal(eurp);
        return [new DemoCase("demo-drc-uganda", drc), new DemoCase("demo-eurp-senegal", eurp)];
    }

    private static async Task DrcUganda(InMemoryCaseSystem system)
    {
        const string id = "demo-drc-uganda";
        var family = new[] { new Person("Joseph", new DateOnly(1986, 4, 2), Relationship.Spouse, false), new Person("Grace", new DateOnly(2016, 9, 9), Relationship.Child, false) };
        await Do(system, new CaseCommand.SubmitApplication(id, $"{id}-1", system.Now, "drc-denmark", new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
            family, "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, "Counselling note: stays with the counsellor."));
        await system.AdvanceToAsync(system.Now.AddDays(6));
        await Do(system, new CaseCommand.DecideEligibility(id, $"{id}-2", system.Now, true, null));
        await Do(system, new CaseCommand.BookDeparture(id, $"{id}-3", system.Now, new DateOnly(2026, 12, 10), "TK 1953"));
        await system.AdvanceToAsync(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await Do(system, new CaseCommand.RequestPostArrival(id, $"{id}-4", system.Now, [PostArrivalService.AirportPickup, PostArrivalService.OnwardTransport], null, null));
        await system.AdvanceToAsync(new DateTimeOffset(2026, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await Do(system, new CaseCommand.ConfirmArrival(id, $"{id}-5", system.Now, new DateOnly(2026, 12, 10)));
        await Do(system, new CaseCommand.SubmitPlan(id, $"{id}-6", system.Now,
        [
            new BudgetLine("shop", ServiceCategory.SmallBusiness, "Tailoring workshop", new Money(35000m, Currency.DKK)),
            new BudgetLine("rent", ServiceCategory.LongTermHousing, "Rent, 6 months", new Money(20000m, Currency.DKK)),
        ]));
        await system.AdvanceToAsync(system.Now.AddDays(2));
        await Do(system, new CaseCommand.ApprovePlan(id, $"{id}-7", system.Now, 1, "Good plan."));
        for (var month = 1; month <= 12; month++)
        {
            await system.AdvanceToAsync(new DateTimeOffset(new DateOnly(2026, 12, 10).AddMonths(month).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
            if (month != 7)
            {
                await Do(system, new CaseCommand.SubmitMonitoringReport(id, $"{id}-m{month}", system.Now, new MonitoringReport(month, Situation.Fair, Situation.Good, Situation.Fair, null, [])));
            }
        }

        await system.AdvanceToAsync(system.Now.AddDays(20));
        await Do(system, new CaseCommand.SubmitFinancialReport(id, $"{id}-8", system.Now,
            [new ActualSpending("shop", new Money(34200m, Currency.DKK)), new ActualSpending("rent", new Money(20000m, Currency.DKK))], null));
        await Do(system, new CaseCommand.CloseCase(id, $"{id}-9", system.Now, ClosureReason.Completed));
    }

    private static async Task EurpSenegal(InMemoryCaseSystem system)
    {
        const string id = "demo-eurp-senegal";
        var children = new[] { new Person("Awa", new DateOnly(2015, 5, 5), Relationship.Child, false), new Person("Ibrahima", new DateOnly(2019, 8, 1), Relationship.Child, false) };
        await Do(system, new CaseCommand.SubmitApplication(id, $"{id}-1", system.Now, "eu-eurp", new Person("Moussa", new DateOnly(1988, 1, 20), Relationship.Applicant, false),
            children, "SN", "SN", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), "en", null));
        await system.AdvanceToAsync(system.Now.AddDays(2));
        await Do(system, new CaseCommand.DecideEligibility(id, $"{id}-2", system.Now, true, null));
        await Do(system, new CaseCommand.BookDeparture(id, $"{id}-3", system.Now, new DateOnly(2027, 1, 28), "AF 718"));
        await Do(system, new CaseCommand.RequestPostArrival(id, $"{id}-4", system.Now, [PostArrivalService.AirportPickup, PostArrivalService.Cash], new Money(1800m, Currency.EUR), null));
        await system.AdvanceToAsync(new DateTimeOffset(2027, 1, 29, 9, 0, 0, TimeSpan.Zero));
        await Do(system, new CaseCommand.ConfirmArrival(id, $"{id}-5", system.Now, new DateOnly(2027, 1, 28)));
        await Do(system, new CaseCommand.SubmitPlan(id, $"{id}-6", system.Now, [new BudgetLine("school", ServiceCategory.Education, "School fees", new Money(4000m, Currency.EUR))]));
        await system.AdvanceToAsync(system.Now.AddDays(1));
        await Do(system, new CaseCommand.RejectPlan(id, $"{id}-7", system.Now, 1, "Add job counselling for the father."));
        await Do(system, new CaseCommand.SubmitPlan(id, $"{id}-8", system.Now.AddHours(3),
            [new BudgetLine("school", ServiceCategory.Education, "School fees", new Money(2500m, Currency.EUR)), new BudgetLine("job", ServiceCategory.JobCounselling, "Job counselling", new Money(1500m, Currency.EUR))]));
        await system.AdvanceToAsync(system.Now.AddDays(4));
        await Do(system, new CaseCommand.ApprovePlan(id, $"{id}-9", system.Now, 2, null));
        for (var month = 1; month <= 12; month++)
        {
            await system.AdvanceToAsync(new DateTimeOffset(new DateOnly(2027, 1, 28).AddMonths(month).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
            await Do(system, new CaseCommand.SubmitMonitoringReport(id, $"{id}-m{month}", system.Now, new MonitoringReport(month, Situation.Good, Situation.Good, Situation.Fair, null, [])));
        }

        await Do(system, new CaseCommand.SubmitFinancialReport(id, $"{id}-10", system.Now,
            [new ActualSpending("school", new Money(2500m, Currency.EUR)), new ActualSpending("job", new Money(1320m, Currency.EUR))], null));
        await Do(system, new CaseCommand.CloseCase(id, $"{id}-11", system.Now, ClosureReason.Completed));
    }

    private static async Task Do(InMemoryCaseSystem system, CaseCommand command)
    {
        var result = await system.HandleAsync(command);
        if (result.Rejection is { } rejection)
        {
            throw new InvalidOperationException($"Demo step {command.GetType().Name} was refused: {rejection.Message}");
        }
    }
}
