using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Security;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Functions.Api;

/// <summary>
/// The workflow's commands over HTTP: one function per step, each for the roles that take that step. Each declares
/// the Durable client binding: on Azure its commands go through it (Orchestration/ICaseCommandsSource).
/// </summary>
public sealed class CaseCommandFunctions
{
    private const string Case = "cases/{caseId}";

    private static readonly Role[] Agency = [Role.Agency];
    private static readonly Role[] Partner = [Role.Partner];

    [Function("DecideEligibility")]
    public Task<IResult> DecideEligibilityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/decision")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, Agency, true, (f, c) =>
        {
            var eligible = f.Flag("eligible");
            var reason = f.Text("reason", required: false, maxLength: 2000);
            return eligible is null ? null : new DecideEligibility(c.CaseId, c.CommandId, c.At, eligible.Value, reason);
        });

    [Function("ReopenCase")]
    public Task<IResult> ReopenCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/reopening")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.ReopenCase);

    [Function("BookDeparture")]
    public Task<IResult> BookDepartureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Case + "/departure")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.BookDeparture);

    [Function("CancelDeparture")]
    public Task<IResult> CancelDepartureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Case + "/departure")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.CancelDeparture);

    [Function("RequestPostArrival")]
    public Task<IResult> RequestPostArrivalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/post-arrival-request")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.RequestPostArrival);

    [Function("RecordConsent")]
    public Task<IResult> RecordConsentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/consent")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.RecordConsent);

    [Function("RecordDeparture")]
    public Task<IResult> RecordDepartureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/departure-record")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.RecordDeparture);

    [Function("ConfirmArrival")]
    public Task<IResult> ConfirmArrivalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/arrival")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.ConfirmArrival);

    [Function("SubmitPlan")]
    public Task<IResult> SubmitPlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/plan")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.SubmitPlan);

    [Function("DecidePlan")]
    public Task<IResult> DecidePlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/plan/{version:int}/decision")] HttpRequest request, string caseId, int version,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, Agency, true, (f, c) =>
        {
            var approve = f.Flag("approve");
            var comment = f.Text("comment", required: approve == false, maxLength: 2000);
            return approve switch
            {
                true => new ApprovePlan(c.CaseId, c.CommandId, c.At, version, comment),
                false when comment is not null => new RejectPlan(c.CaseId, c.CommandId, c.At, version, comment),
                _ => null,
            };
        });

    [Function("SubmitMonitoringReport")]
    public Task<IResult> SubmitMonitoringReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/monitoring-reports")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, Partner, true, (f, c) =>
            MonitoringReports.Read(f) is { } report ? new SubmitMonitoringReport(c.CaseId, c.CommandId, c.At, report) : null);

    [Function("SubmitFinancialReport")]
    public Task<IResult> SubmitFinancialReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/financial-report")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, [Role.Partner, Role.Agency], true, (f, c) =>
        {
            var lines = f.List("lines", 50, l =>
            {
                var id = l.Text("lineId", maxLength: 40);
                var actual = l.Amount("actual");
                return id is null || actual is null ? null : new ActualSpending(id, actual.Value);
            }, required: false);
            var early = f.Choice<ClosureReason>("earlyClosure", required: false);
            return f.Ok ? new SubmitFinancialReport(c.CaseId, c.CommandId, c.At, lines, early) : null;
        });

    [Function("WithdrawCase")]
    public Task<IResult> WithdrawCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/withdrawal")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.Withdraw);

    [Function("EraseCase")]
    public Task<IResult> EraseCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/erasure")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.Erase);

    [Function("CloseCase")]
    public Task<IResult> CloseCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Case + "/closure")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient? client) =>
        CommandHandling.RunAsync(request, caseId, client, CaseSteps.Close);
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
