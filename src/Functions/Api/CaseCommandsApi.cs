using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Security;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Functions.Api;

/// <summary>The workflow's commands over HTTP: one POST per step, each for the roles that take that step.</summary>
public static class CaseCommandsApi
{
    private static readonly Role[] Counsellor = [Role.Counsellor];
    private static readonly Role[] Agency = [Role.Agency];
    private static readonly Role[] Partner = [Role.Partner];

    public static IEndpointRouteBuilder MapCaseCommandsApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/cases/{caseId}").RequireAuthorization().WithTags("Case commands");

        cases.MapPost("/decision", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Agency, true, (f, c) =>
        {
            var eligible = f.Flag("eligible");
            var reason = f.Text("reason", required: false, maxLength: 2000);
            return eligible is null ? null : new DecideEligibility(c.CaseId, c.CommandId, c.At, eligible.Value, reason);
        }));

        cases.MapPost("/reopening", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, false, (_, c) =>
            new ReopenCase(c.CaseId, c.CommandId, c.At)));

        cases.MapPut("/departure", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, true, (f, c) =>
        {
            var departure = f.Date("departure");
            var flight = f.Text("flight", required: false, maxLength: 40);
            return departure is null ? null : new BookDeparture(c.CaseId, c.CommandId, c.At, departure.Value, flight);
        }));

        cases.MapDelete("/departure", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, false, (_, c) =>
            new CancelDeparture(c.CaseId, c.CommandId, c.At)));

        cases.MapPost("/post-arrival-request", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, true, (f, c) =>
        {
            var services = f.ChoiceList<PostArrivalService>("services", 6);
            var value = f.Amount("estimatedValue", required: false);
            var notes = f.Text("notes", required: false, maxLength: 2000);
            return f.Ok ? new RequestPostArrival(c.CaseId, c.CommandId, c.At, services, value, notes) : null;
        }));

        cases.MapPost("/consent", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, false, (_, c) =>
            new RecordConsent(c.CaseId, c.CommandId, c.At)));

        cases.MapPost("/departure-record", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Agency, true, (f, c) =>
            f.Date("departedOn") is { } on ? new RecordDeparture(c.CaseId, c.CommandId, c.At, on) : null));

        cases.MapPost("/arrival", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Partner, true, (f, c) =>
            f.Date("arrivedOn") is { } on ? new ConfirmArrival(c.CaseId, c.CommandId, c.At, on) : null));

        cases.MapPost("/plan", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, [Role.Counsellor, Role.Partner], true, (f, c) =>
        {
            var lines = f.List("lines", 50, l =>
            {
                var id = l.Text("lineId", maxLength: 40);
                var category = l.Choice<ServiceCategory>("category");
                var description = l.Text("description", maxLength: 500);
                var amount = l.Amount("amount");
                return id is null || category is null || description is null || amount is null ? null : new BudgetLine(id, category.Value, description, amount.Value);
            });
            return f.Ok ? new SubmitPlan(c.CaseId, c.CommandId, c.At, lines) : null;
        }));

        cases.MapPost("/plan/{version:int}/decision", (HttpContext http, string caseId, int version) => CommandHandling.RunAsync(http, caseId, Agency, true, (f, c) =>
        {
            var approve = f.Flag("approve");
            var comment = f.Text("comment", required: approve == false, maxLength: 2000);
            return approve switch
            {
                true => new ApprovePlan(c.CaseId, c.CommandId, c.At, version, comment),
                false when comment is not null => new RejectPlan(c.CaseId, c.CommandId, c.At, version, comment),
                _ => null,
            };
        }));

        cases.MapPost("/monitoring-reports", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Partner, true, (f, c) =>
            MonitoringReports.Read(f) is { } report ? new SubmitMonitoringReport(c.CaseId, c.CommandId, c.At, report) : null));

        cases.MapPost("/financial-report", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, [Role.Partner, Role.Agency], true, (f, c) =>
        {
            var lines = f.List("lines", 50, l =>
            {
                var id = l.Text("lineId", maxLength: 40);
                var actual = l.Amount("actual");
                return id is null || actual is null ? null : new ActualSpending(id, actual.Value);
            }, required: false);
            var early = f.Choice<ClosureReason>("earlyClosure", required: false);
            return f.Ok ? new SubmitFinancialReport(c.CaseId, c.CommandId, c.At, lines, early) : null;
        }));

        cases.MapPost("/withdrawal", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, Counsellor, false, (_, c) =>
            new CloseCase(c.CaseId, c.CommandId, c.At, ClosureReason.Withdrawn)));

        cases.MapPost("/erasure", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, [Role.Counsellor, Role.ProgrammeOfficer], false, (_, c) =>
            new ErasePersonalData(c.CaseId, c.CommandId, c.At)));

        cases.MapPost("/closure", (HttpContext http, string caseId) => CommandHandling.RunAsync(http, caseId, [Role.Counsellor, Role.Agency, Role.ProgrammeOfficer], true, (f, c) =>
            f.Choice<ClosureReason>("reason") is { } reason ? new CloseCase(c.CaseId, c.CommandId, c.At, reason) : null));

        return app;
    }
}

/// <summary>Reads the monthly monitoring form (API and partner page share it).</summary>
public static class MonitoringReports
{
    public static MonitoringReport? Read(Fields f)
    {
        var month = f.Whole("month", 1, 60);
        var economic = f.Choice<Situation>("economic");
        var social = f.Choice<Situation>("social");
        var psychosocial = f.Choice<Situation>("psychosocial");
        var notes = f.Text("notes", required: false, maxLength: 4000);
        return f.Ok ? new MonitoringReport(month!.Value, economic!.Value, social!.Value, psychosocial!.Value, notes, []) : null;
    }
}
