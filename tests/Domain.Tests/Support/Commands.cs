using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Tests.Support;

/// <summary>Short constructors for commands at a given day, ids unique per call site.</summary>
public static class Commands
{
    public static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public static DecideEligibility Approve(DateTimeOffset at, string caseId = "case-1") => new(caseId, $"decide@{at:O}", at, true, null);

    public static BookDeparture Book(DateOnly departure, DateTimeOffset at, string caseId = "case-1") =>
        new(caseId, $"book:{departure}@{at:O}", at, departure, "TK 1234");

    public static RequestPostArrival RequestPackage(DateTimeOffset at, string caseId = "case-1", params PostArrivalService[] services) =>
        new(caseId, $"pa@{at:O}", at, services.Length == 0 ? [PostArrivalService.AirportPickup, PostArrivalService.OnwardTransport] : services, null, null);

    public static ConfirmArrival Arrive(DateOnly on, DateTimeOffset at, string caseId = "case-1") => new(caseId, $"arrive@{at:O}", at, on);

    public static SubmitPlan Plan(DateTimeOffset at, Currency currency, params decimal[] amounts) => PlanFor("case-1", at, currency, amounts);

    public static SubmitPlan PlanFor(string caseId, DateTimeOffset at, Currency currency, params decimal[] amounts) =>
        new(caseId, $"plan@{at:O}", at, [.. amounts.Select((a, i) => new BudgetLine($"line-{i + 1}", i == 0 ? ServiceCategory.SmallBusiness : ServiceCategory.LongTermHousing, "support", new Money(a, currency)))]);

    public static ApprovePlan ApprovePlanVersion(int version, DateTimeOffset at, string caseId = "case-1") => new(caseId, $"approve:{version}@{at:O}", at, version, "ok");

    public static RejectPlan RejectPlanVersion(int version, DateTimeOffset at, string caseId = "case-1") => new(caseId, $"reject:{version}@{at:O}", at, version, "Too much on housing");

    public static SubmitMonitoringReport Report(int month, DateTimeOffset at, string caseId = "case-1") =>
        new(caseId, $"report:{month}@{at:O}", at, new MonitoringReport(month, Situation.Fair, Situation.Good, Situation.Fair, "settling in", []));

    public static FireTimer Fire(CaseTimer timer, DateTimeOffset? at = null) => new(timer.CaseId, $"timer:{timer.TimerId}", at ?? timer.DueAt, timer);
}
