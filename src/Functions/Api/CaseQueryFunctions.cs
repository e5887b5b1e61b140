using Microsoft.Azure.Functions.Worker;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Api;

/// <summary>Reading cases: one case with its timeline, its audit trail, and the filtered, paged list.</summary>
public sealed class CaseQueryFunctions
{
    [Function("GetCase")]
    public async Task<IResult> GetCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request, string caseId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var services = http.RequestServices;
        return await Access.CallerAsync(http) ?? await GetCaseAsync(
            http, caseId, services.GetRequiredService<ICaseReadModel>(), services.GetRequiredService<ProgrammeCatalog>(),
            services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>());
    }

    [Function("ListCases")]
    public async Task<IResult> ListCasesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var query = request.Query;
        return await Access.CallerAsync(http) ?? await ListCasesAsync(
            http, http.RequestServices.GetRequiredService<ICaseIndex>(), Text(query, "programme"), Text(query, "country"),
            Text(query, "partner"), Text(query, "stage"), Whole(query, "pageSize"), Text(query, "next"));
    }

    [Function("GetCaseAudit")]
    public async Task<IResult> GetAuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/audit")] HttpRequest request,
        string caseId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (await Access.CallerAsync(http) is { } refused)
        {
            return refused;
        }

        var trail = http.RequestServices.GetRequiredService<IAuditTrail>();
        return !Caller.Is(http.User, Role.ProgrammeOfficer)
            ? Problems.Of("forbidden", "Not for your role.", "The audit trail is for programme officers.", StatusCodes.Status403Forbidden)
            : !CaseIds.IsValid(caseId)
                ? Problems.NotFound(caseId)
                : Results.Ok((await trail.ForCaseAsync(caseId, http.RequestAborted))
                    .Select(e => new { e.Caller, role = Choices.Kebab(e.Role), e.At, e.Action, e.Reason }));
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A whole-number query value; one that is not a number reads as 0, which the list refuses by name.</summary>
    private static int? Whole(IQueryCollection query, string name) =>
        Text(query, name) is { } text ? int.TryParse(text, out var n) ? n : 0 : null;

    private static async Task<IResult> GetCaseAsync(
        HttpContext http, string caseId, ICaseReadModel store, ProgrammeCatalog programmes, AuditLog audit, TimeProvider clock)
    {
        if (!CaseIds.IsValid(caseId) || await store.ReadAsync(caseId, http.RequestAborted) is not { } stored || !CaseAccess.CanSee(http.User, stored))
        {
            return Problems.NotFound(caseId);
        }

        await audit.ReadAsync(http.User, caseId, http.RequestAborted);
        var events = await store.ReadEventsAsync(caseId, http.RequestAborted);
        var deadlines = NextDeadline.Of(stored, programmes.Get(stored.File!.ProgrammeId),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        http.Response.Headers.ETag = VersionTag(stored.Version);
        return Results.Ok(CaseView.Of(stored, events, deadlines, Caller.RoleOf(http.User)!.Value));
    }

    /// <summary>The case's version as an entity tag: it moves with every event, whatever the reader may see.</summary>
    public static string VersionTag(long version) =>
        $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    private static async Task<IResult> ListCasesAsync(
        HttpContext http, ICaseIndex index, string? programme, string? country, string? partner, string? stage, int? pageSize, string? next)
    {
        var problems = new List<FieldProblem>();
        CaseStage? stageFilter = null;
        if (stage is not null)
        {
            if (Choices.TryParse<CaseStage>(stage, out var parsed))
            {
                stageFilter = parsed;
            }
            else
            {
                problems.Add(new FieldProblem("stage", $"must be one of: {string.Join(", ", Choices.Names<CaseStage>())}"));
            }
        }

        if (pageSize is < 1 or > 200)
        {
            problems.Add(new FieldProblem("pageSize", "must be from 1 to 200"));
        }

        if (next is { Length: > 64 } || (next is not null && !CaseIds.IsValid(next)))
        {
            problems.Add(new FieldProblem("next", "is not a continuation token of this list"));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid(problems);
        }

        // A partner's list is always its own cases that it may see; its filter cannot widen that.
        var isPartner = Caller.RoleOf(http.User) == Role.Partner;
        var filter = new CaseFilter(programme, country, isPartner ? Caller.PartnerOf(http.User) : partner, stageFilter, SharedWithPartnerOnly: isPartner);
        CasePage page;
        try
        {
            page = await index.QueryAsync(filter, pageSize ?? 50, next, http.RequestAborted);
        }
        catch (ArgumentException ex) when (ex.ParamName == "continuation")
        {
            return Problems.Invalid([new FieldProblem("next", "is not a continuation token of this list")]);
        }

        return Results.Ok(new
        {
            cases = page.Cases.Select(c => new
            {
                c.CaseId,
                programme = c.ProgrammeId,
                country = c.Country,
                partner = c.PartnerId,
                stage = Choices.Kebab(c.Stage),
                closure = c.Closure is { } closure ? Choices.Kebab(closure) : null,
                nextDeadline = c.NextDeadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                nextDeadlineWhat = c.NextDeadlineWhat,
                overdue = c.Overdue,
                overdueSince = c.OverdueSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                c.UpdatedAt,
            }),
            next = page.Next,
        });
    }
}
