using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Functions.Operators;

/// <summary>
/// The operator pages (programme officers): the cases that need an operator, one case's orchestration and history,
/// and the retry, skip and terminate forms, each acting through <see cref="OperatorDesk"/> and audited there.
/// </summary>
public sealed class OperatorFunctions
{
    [Function("OperationsPage")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/operations")] HttpRequest request,
        [DurableClient] DurableTaskClient? client)
    {
        var http = Http(request);
        return await OperatorAccess.RefusalAsync(http)
            ?? await TroubledCasesPage.ShowAsync(http, Desk(http, client), request.Query["case"]);
    }

    [Function("OperationsCasePage")]
    public async Task<IResult> CaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/operations/{caseId}")] HttpRequest request,
        string caseId, [DurableClient] DurableTaskClient? client)
    {
        var http = Http(request);
        return await OperatorAccess.RefusalAsync(http)
            ?? await OperatedCasePage.ShowAsync(http, Desk(http, client), caseId);
    }

    [Function("OperationsRetry")]
    public async Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pages/operations/{caseId}/retry")]
        HttpRequest request, string caseId, [DurableClient] DurableTaskClient? client)
    {
        var http = Http(request);
        return await OperatorAccess.RefusalAsync(http)
            ?? await OperatorForms.ActAsync(http, Desk(http, client), caseId, OperatorForms.Retry);
    }

    [Function("OperationsSkip")]
    public async Task<IResult> SkipAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pages/operations/{caseId}/skip")]
        HttpRequest request, string caseId, [DurableClient] DurableTaskClient? client)
    {
        var http = Http(request);
        return await OperatorAccess.RefusalAsync(http)
            ?? await OperatorForms.ActAsync(http, Desk(http, client), caseId, OperatorForms.Skip);
    }

    [Function("OperationsTerminate")]
    public async Task<IResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pages/operations/{caseId}/terminate")]
        HttpRequest request, string caseId, [DurableClient] DurableTaskClient? client)
    {
        var http = Http(request);
        return await OperatorAccess.RefusalAsync(http)
            ?? await OperatorForms.ActAsync(http, Desk(http, client), caseId, OperatorForms.Terminate);
    }

    /// <summary>On Azure the desk works through the client bound to this invocation; locally the app's own.</summary>
    private static OperatorDesk Desk(HttpContext http, DurableTaskClient? client) =>
        http.RequestServices.GetRequiredService<ICaseCommandsSource>().DeskFor(client);

    private static HttpContext Http(HttpRequest request) =>
        (request ?? throw new ArgumentNullException(nameof(request))).HttpContext;
}
