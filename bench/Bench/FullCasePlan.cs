using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

/// <summary>Full DRC cases, each command by day: the counsellor's intake, the agency, the booking, the partner's reports.</summary>
public sealed class FullCasePlan
{
    private readonly Dictionary<DateOnly, List<Func<DateTimeOffset, IEnumerable<CaseCommand>>>> _byDay = [];
    private readonly Dictionary<DateOnly, int> _intakes = [];

    public List<string> CaseIds { get; } = [];

    public DateOnly FirstDay { get; private set; } = DateOnly.MaxValue;

    public DateOnly LastDay { get; private set; } = DateOnly.MinValue;

    public static FullCasePlan For(DateTimeOffset start, int cases, int perDay)
    {
        var plan = new FullCasePlan();
        for (var i = 0; i < cases; i++)
        {
            plan.Add($"soak-{i:D6}", DateOnly.FromDateTime(start.UtcDateTime).AddDays(i / perDay));
        }

        return plan;
    }

    public IReadOnlyList<Func<DateTimeOffset, IEnumerable<CaseCommand>>> On(DateOnly day) => _byDay.GetValueOrDefault(day) ?? [];

    public int IntakesOn(DateOnly day) => _intakes.GetValueOrDefault(day);

    private void Add(string id, DateOnly intake)
    {
        CaseIds.Add(id);
        _intakes[intake] = _intakes.GetValueOrDefault(intake) + 1;
        var departure = intake.AddDays(40);
        At(intake, at => [new CaseCommand.SubmitApplication(id, $"{id}:intake", at, "drc-denmark",
            new Person("Soak Person", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [], "UG", "UG", ReturnType.Voluntary,
            null, true, EligibilityFacts.Clean(), null, null)]);
        At(intake.AddDays(3), at => [new CaseCommand.DecideEligibility(id, $"{id}:decide", at, true, null)]);
        At(intake.AddDays(4), at => [new CaseCommand.BookDeparture(id, $"{id}:book", at, departure, "TK 1234")]);
        At(intake.AddDays(30), at => [new CaseCommand.RequestPostArrival(id, $"{id}:package", at, [PostArrivalService.AirportPickup], null, null)]);
        At(departure, at => [new CaseCommand.ConfirmArrival(id, $"{id}:arrive", at, departure)]);
        At(departure.AddDays(3), at =>
        [
            new CaseCommand.SubmitPlan(id, $"{id}:plan", at, [new BudgetLine("line-1", ServiceCategory.SmallBusiness, "shop", new Money(15000m, Currency.DKK))]),
            new CaseCommand.ApprovePlan(id, $"{id}:approve", at, 1, "ok"),
        ]);
        for (var month = 1; month <= 12; month++)
        {
            var m = month;
            At(CaseEvolution.MonitoringDate(departure, m), at => [new CaseCommand.SubmitMonitoringReport(id, $"{id}:report:{m}", at, new MonitoringReport(m, Situation.Fair, Situation.Good, Situation.Fair, "settling in", []))]);
        }

        At(CaseEvolution.MonitoringDate(departure, 12).AddDays(1), at =>
        [
            new CaseCommand.SubmitFinancialReport(id, $"{id}:financial", at, [new ActualSpending("line-1", new Money(15000m, Currency.DKK))], null),
            new CaseCommand.CloseCase(id, $"{id}:close", at, ClosureReason.Completed),
        ]);
    }

    private void At(DateOnly day, Func<DateTimeOffset, IEnumerable<CaseCommand>> steps)
    {
        if (!_byDay.TryGetValue(day, out var list))
        {
            _byDay[day] = list = [];
        }

        list.Add(steps);
        FirstDay = day < FirstDay ? day : FirstDay;
        LastDay = day > LastDay ? day : LastDay;
    }
}
