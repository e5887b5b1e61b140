using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Api;

/// <summary>Reading cases: one case with its timeline, and the filtered, paged list.</summary>
public static class CaseQueriesApi
{
    public static IEndpointRouteBuilder MapCaseQueriesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/cases").RequireAuthorization().WithTags("Case queries");
        cases.MapGet("/{caseId}", GetCaseAsync);
        cases.MapGet("/", ListCasesAsync);
        cases.MapGet("/{caseId}/audit", async (HttpContext http, string caseId, IAuditTrail trail) =>
            !Caller.Is(http.User, Role.ProgrammeOfficer)
                ? Problems.Of("forbidden", "Not for your role.", "The audit trail is for programme officers.", StatusCodes.Status403Forbidden)
                : !CaseIds.IsValid(caseId)
                    ? Problems.NotFound(caseId)
                    : Results.Ok((await trail.ForCaseAsync(caseId, http.RequestAborted)).Select(e => new { e.Caller, role = Choices.Kebab(e.Role), e.At })));
        return app;
    }

    private static async Task<IResult> GetCaseAsync(HttpContext http, string caseId, ICaseReadModel store, ProgrammeCatalog programmes, AuditLog audit)
    {
        if (!CaseIds.IsValid(caseId) || await store.ReadAsync(caseId, http.RequestAborted) is not { } stored || !CaseAccess.CanSee(http.User, stored))
        {
            return Problems.NotFound(caseId);
        }

        await audit.ReadAsync(http.User, caseId, http.RequestAborted);
        var events = await store.ReadEventsAsync(caseId, http.RequestAborted);
        var next = NextDeadline.Of(stored, programmes.Get(stored.File!.ProgrammeId));
        http.Response.Headers.ETag = VersionTag(stored.Version);
        return Results.Ok(CaseView.Of(stored, events, next, Caller.RoleOf(http.User)!.Value));
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
                c.UpdatedAt,
            }),
            next = page.Next,
        });
    }
}
