using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain;
using Reintegration.Functions.Intake;

namespace Reintegration.FaultRun;

/// <summary>
/// The one story every case of the run follows, on the simulated calendar: intake, decision, departure booked 12 days
/// ahead and the post-arrival package on day 0; arrival, plan and approval on day 13; a monitoring report on each of the
/// 12 monthly due dates; the financial report and closure on the last one; then 20 quiet days for the last timers.
/// </summary>
public sealed class CaseScript(DateTimeOffset start)
{
    public const int MonitoringMonths = 12;
    public const int QuietDaysAfterClosure = 20;

    public DateTimeOffset Start => start;

    public DateOnly Departure => DateOnly.FromDateTime(start.UtcDateTime).AddDays(12);

    public DateTimeOffset ArrivalDay => start.AddDays(13);

    /// <summary>The first simulated day on or after the month's due date (the clock moves a day at a time from 09:00).</summary>
    public DateTimeOffset MonitoringDay(int month)
    {
        var due = Departure.AddMonths(month);
        var day = start;
        while (DateOnly.FromDateTime(day.UtcDateTime) < due)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public DateTimeOffset End => MonitoringDay(MonitoringMonths).AddDays(QuietDaysAfterClosure);

    /// <summary>Clock advances of a day each, from the start to the end.</summary>
    public int Days => (int)(End - start).TotalDays;

    /// <summary>HTTP requests per case (intake, 3 steps on day 0, 3 on day 13, 12 reports, financial report, closure).</summary>
    public const int RequestsPerCase = 1 + 3 + 3 + MonitoringMonths + 2;

    public static string DeliveryId(int seed, int index) => $"fault-{seed.ToString(CultureInfo.InvariantCulture)}-{index.ToString("D5", CultureInfo.InvariantCulture)}";

    public static string CaseIdOf(string deliveryId) => IntakeCommands.CaseIdFor(IntakeSources.Native, deliveryId);

    public static readonly string Application = """
        {"programmeId":"drc-denmark","applicant":{"name":"Test Applicant","dateOfBirth":"1990-01-01"},
         "familyMembers":[{"name":"Test Spouse","dateOfBirth":"1988-01-01","relationship":"spouse"},{"name":"Test Child","dateOfBirth":"2016-01-01","relationship":"child"}],
         "nationality":"UG","countryOfReturn":"UG","returnType":"voluntary","consentToShareWithPartner":true,
         "eligibilityFacts":{"residenceStatus":"asylum-finally-refused","wishesToReturnVoluntarily":true,"conviction":"none","openResidencePermitCase":false,
           "repatriationSupportReceived":false,"returnedBeforeThroughProgramme":false,"manifestlyUnfoundedProcedure":false,"toleratedStay":false,
           "enteredToObtainSupport":false,"dublinTransferWithoutRegistration":false,"hasReturnDecision":true},
         "language":"en"}
        """;

    /// <summary>Standard Webhooks signature: v1, base64 HMAC-SHA256 over id.timestamp.body.</summary>
    public static string Signature(byte[] key, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    public string DepartureJson => $$"""{"departure":"{{Departure:yyyy-MM-dd}}","flight":"TK 1953"}""";

    public const string PostArrivalJson = """{"services":["airport-pickup","onward-transport"]}""";

    public string ArrivalJson => $$"""{"arrivedOn":"{{Departure:yyyy-MM-dd}}"}""";

    public const string PlanJson = """
        {"lines":[{"lineId":"shop","category":"small-business","description":"Tailoring workshop","amount":{"amount":30000,"currency":"DKK"}},
                  {"lineId":"rent","category":"long-term-housing","description":"Rent, 6 months","amount":{"amount":25000,"currency":"DKK"}}]}
        """;

    public static string ReportJson(int month) => $$"""{"month":{{month}},"economic":"fair","social":"good","psychosocial":"fair"}""";

    public const string FinancialJson = """{"lines":[{"lineId":"shop","actual":{"amount":29000,"currency":"DKK"}},{"lineId":"rent","actual":{"amount":25000,"currency":"DKK"}}]}""";

    // The same steps as domain commands, for the fault-free reference run.
    public CaseCommand Decision(string caseId, DateTimeOffset at) => new CaseCommand.DecideEligibility(caseId, "decision", at, true, null);

    public CaseCommand Booking(string caseId, DateTimeOffset at) => new CaseCommand.BookDeparture(caseId, "departure", at, Departure, "TK 1953");

    public CaseCommand PostArrival(string caseId, DateTimeOffset at) =>
        new CaseCommand.RequestPostArrival(caseId, "post-arrival", at, [PostArrivalService.AirportPickup, PostArrivalService.OnwardTransport], null, null);

    public CaseCommand Arrival(string caseId, DateTimeOffset at) => new CaseCommand.ConfirmArrival(caseId, "arrival", at, Departure);

    public CaseCommand Plan(string caseId, DateTimeOffset at) => new CaseCommand.SubmitPlan(caseId, "plan", at,
    [
        new BudgetLine("shop", ServiceCategory.SmallBusiness, "Tailoring workshop", new Money(30000m, Currency.DKK)),
        new BudgetLine("rent", ServiceCategory.LongTermHousing, "Rent, 6 months", new Money(25000m, Currency.DKK)),
    ]);

    public CaseCommand Approval(string caseId, DateTimeOffset at) => new CaseCommand.ApprovePlan(caseId, "approval", at, 1, "Good plan");

    public CaseCommand Report(string caseId, DateTimeOffset at, int month) =>
        new CaseCommand.SubmitMonitoringReport(caseId, $"report-{month}", at, new MonitoringReport(month, Situation.Fair, Situation.Good, Situation.Fair, null, []));

    public CaseCommand Financial(string caseId, DateTimeOffset at) => new CaseCommand.SubmitFinancialReport(caseId, "financial", at,
        [new ActualSpending("shop", new Money(29000m, Currency.DKK)), new ActualSpending("rent", new Money(25000m, Currency.DKK))], null);

    public CaseCommand Closure(string caseId, DateTimeOffset at) => new CaseCommand.CloseCase(caseId, "closure", at, ClosureReason.Completed);
}
