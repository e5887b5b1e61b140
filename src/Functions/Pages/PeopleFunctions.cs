using Microsoft.Azure.Functions.Worker;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Pages;

/// <summary>
/// The pages for people: sign-in and sign-out, then, signed in (the session cookie, checked by
/// <see cref="Access.PersonAsync"/> at the top of each), the case list, one case and its documents, the dashboard.
/// </summary>
public sealed class PeopleFunctions
{
    [Function("SignInPage")]
    public IResult SignInPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sign-in")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SignInPages.Form(request.HttpContext, request.Query["returnUrl"].FirstOrDefault());
    }

    [Function("SignIn")]
    public Task<IResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-in")] HttpRequest request) =>
        SignInPages.SignInAsync(Http(request));

    [Function("SignOut")]
    public Task<IResult> SignOutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-out")] HttpRequest request) =>
        SignInPages.SignOutAsync(Http(request));

    [Function("CaseListPage")]
    public async Task<IResult> CaseListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/cases")] HttpRequest request)
    {
        var http = Http(request);
        var query = request.Query;
        string? Text(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        return await Access.PersonAsync(http) ?? await CaseListPage.ListAsync(
            http, Service<ICaseIndex>(http), Service<ProgrammeCatalog>(http), Service<TimeProvider>(http),
            Text("programme"), Text("country"), Text("partner"), Text("stage"), Text("next"));
    }

    [Function("CasePage")]
    public async Task<IResult> CaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/cases/{caseId}")] HttpRequest request,
        string caseId)
    {
        var http = Http(request);
        return await Access.PersonAsync(http) ?? await CasePage.ShowAsync(
            http, caseId, Service<ICaseReadModel>(http), Service<ProgrammeCatalog>(http), Service<AuditLog>(http),
            Service<TimeProvider>(http));
    }

    [Function("CaseDocument")]
    public async Task<IResult> DocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/cases/{caseId}/documents/{documentId}")]
        HttpRequest request, string caseId, string documentId)
    {
        var http = Http(request);
        return await Access.PersonAsync(http) ?? await CasePage.DownloadAsync(
            http, caseId, documentId, Service<ICaseReadModel>(http), Service<AuditLog>(http));
    }

    [Function("DashboardPage")]
    public async Task<IResult> DashboardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/dashboard")] HttpRequest request)
    {
        var http = Http(request);
        return await Access.PersonAsync(http) ?? await DashboardPage.ShowAsync(
            http, Service<ICaseIndex>(http), Service<ICaseReadModel>(http), Service<ProgrammeCatalog>(http),
            Service<TimeProvider>(http));
    }

    private static HttpContext Http(HttpRequest request) =>
        (request ?? throw new ArgumentNullException(nameof(request))).HttpContext;

    private static T Service<T>(HttpContext http)
        where T : notnull => http.RequestServices.GetRequiredService<T>();
}
