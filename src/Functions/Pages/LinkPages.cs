using System.Globalization;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Links;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>
/// E-mail links. GET and HEAD only show a confirmation page (mail scanners follow links); the POST from that page acts,
/// once: its command id is the token's id, so a second POST is a duplicate. Expired or tampered links get a clear page and a 4xx.
/// </summary>
public static class LinkPages
{
    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/links/{token}", ["GET", "HEAD"], ShowAsync).ExcludeFromDescription();
        app.MapPost("/links/{token}", ActAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string token, LinkTokens links, ICaseStore store, ProgrammeCatalog programmes, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (Check(links.Verify(token, clock.GetUtcNow())) is { } refusal)
        {
            return refusal;
        }

        var claims = ((LinkVerification.Valid)links.Verify(token, clock.GetUtcNow())).Claims;
        if (await store.LoadAsync(claims.CaseId, http.RequestAborted) is not { } stored)
        {
            return Page("Unknown case", "<p class=\"error\">This link points to a case that does not exist.</p>", StatusCodes.Status404NotFound);
        }

        var state = stored.State;
        if (Stale(claims, state) is { } stale)
        {
            return Page("Nothing to do", $"<p class=\"note\">{E(stale)}</p>", StatusCodes.Status409Conflict);
        }

        var programme = programmes.Get(state.File!.ProgrammeId);
        var form = claims.Action switch
        {
            LinkAction.DecideEligibility => DecisionForm(state),
            LinkAction.DecidePlan => PlanForm(state, programme),
            LinkAction.ConfirmArrival => ArrivalForm(state),
            _ => MonitoringForm(claims.Round),
        };
        return Page(Title(claims.Action), $"<h1>{E(Title(claims.Action))}</h1><p class=\"muted\">Case {E(state.CaseId)} · {E(programme.Name)} · return to {E(state.File.CountryOfReturn)}</p>" +
            $"<form method=\"post\" action=\"/links/{E(token)}\">{form}</form>");
    }

    private static async Task<IResult> ActAsync(HttpContext http, string token, LinkTokens links, ICaseStore store, CaseRuntime runtime, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        var now = clock.GetUtcNow();
        var verification = links.Verify(token, now);
        if (Check(verification) is { } refusal)
        {
            return refusal;
        }

        var claims = ((LinkVerification.Valid)verification).Claims;
        if (!http.Request.HasFormContentType)
        {
            return Page("Not a form", "<p class=\"error\">Send the form on the link's page.</p>", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var id = $"link:{claims.TokenId}";
        var (command, problem) = LinkCommands.Build(claims, form, id, now);
        if (problem is not null)
        {
            return Page("Please check the form", $"<p class=\"error\">{E(problem)}</p><p><a href=\"/links/{E(token)}\">Back to the form</a></p>", StatusCodes.Status400BadRequest);
        }

        var result = await runtime.HandleAsync(command!, http.RequestAborted);
        return result.Outcome switch
        {
            CommandOutcome.Duplicate => Page("Already done", "<p class=\"ok\">This link was already used; nothing was changed again.</p>"),
            CommandOutcome.Rejected => Page("Not done", $"<p class=\"error\">{E(result.Rejection!.Message)}</p>", result.Rejection.Code == "case-not-found" ? 404 : 409),
            _ => Page("Thank you", $"<p class=\"ok\">Done: the case is now <strong>{E(Choices.Kebab(result.State.Stage))}</strong>.</p>"),
        };
    }

    private static IResult? Check(LinkVerification verification) => verification switch
    {
        LinkVerification.Valid => null,
        LinkVerification.Expired => Page("Link expired", "<p class=\"error\">This link has expired. Ask for a new one from the case page or the counsellor.</p>", StatusCodes.Status410Gone),
        _ => Page("Link not valid", "<p class=\"error\">This link is not valid. Open it from the e-mail again, without changing it.</p>", StatusCodes.Status400BadRequest),
    };

    /// <summary>Why a link no longer applies to the case as it stands, or null when it does.</summary>
    public static string? Stale(LinkClaims claims, CaseState state) => claims.Action switch
    {
        LinkAction.DecideEligibility when state.Stage != CaseStage.AwaitingDecision || state.DecisionRound != claims.Round => "The eligibility decision on this case was already made.",
        LinkAction.DecidePlan when state.Plan is { } plan && plan.Version > claims.Round => $"Plan version {claims.Round} was superseded by version {plan.Version}; use the newest e-mail.",
        LinkAction.DecidePlan when state.Stage != CaseStage.PlanPendingApproval => "This plan was already decided.",
        LinkAction.ConfirmArrival when state.Stage != CaseStage.DepartureBooked || state.Booking != claims.Round => "The arrival was already confirmed, or the departure changed.",
        LinkAction.ReportMonitoring when state.MonitoringReports.ContainsKey(claims.Round) => $"The report for month {claims.Round} was already sent.",
        _ => null,
    };

    private static string Title(LinkAction action) => action switch
    {
        LinkAction.DecideEligibility => "Eligibility decision",
        LinkAction.DecidePlan => "Reintegration plan approval",
        LinkAction.ConfirmArrival => "Confirm arrival",
        _ => "Monthly monitoring report",
    };

    private static string DecisionForm(CaseState state)
    {
        var check = state.PreCheck!;
        var findings = check.Failed.Select(f => $"<li>Failed <strong>{E(f.Rule)}</strong>: {E(f.Reason)}</li>")
            .Concat(check.Flagged.Select(f => $"<li>Flagged <strong>{E(f.Rule)}</strong>: {E(f.Reason)}</li>"));
        return $"<p>Pre-check: {(check.Passed ? "passed" : "failed")}.</p><ul>{string.Concat(findings)}</ul>" +
            $"<p>{state.File!.People} person(s); return type {E(Choices.Kebab(state.File.ReturnType))}.</p>" +
            "<label for=\"reason\">Reason (required when not eligible)</label><textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"2000\"></textarea>" +
            "<button name=\"decision\" value=\"eligible\">Eligible</button><button class=\"secondary\" name=\"decision\" value=\"not-eligible\">Not eligible</button>";
    }

    private static string PlanForm(CaseState state, Programme programme)
    {
        var plan = state.Plan!;
        var caps = PlanCaps.For(programme, state.File!);
        var rows = string.Concat(plan.Lines.Select(l => $"<tr><td>{E(Choices.Kebab(l.Category))}</td><td>{E(l.Description)}</td><td>{E(l.Amount.ToString())}</td></tr>"));
        return $"<p>Plan version {plan.Version}, total <strong>{E(plan.Total.ToString())}</strong> within the cap of {E(caps.Total.ToString())} ({E(caps.TotalExplanation)}).</p>" +
            $"<table><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Description</th><th scope=\"col\">Amount</th></tr></thead><tbody>{rows}</tbody></table>" +
            "<label for=\"comment\">Comment (required to reject)</label><textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea>" +
            "<button name=\"decision\" value=\"approve\">Approve</button><button class=\"secondary\" name=\"decision\" value=\"reject\">Reject</button>";
    }

    private static string ArrivalForm(CaseState state) =>
        $"<p>Departure {state.Departure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(state.Flight is null ? string.Empty : ", flight " + E(state.Flight))}.</p>" +
        $"<label for=\"arrivedOn\">Arrived on</label><input type=\"date\" id=\"arrivedOn\" name=\"arrivedOn\" required value=\"{state.Departure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\">" +
        "<button>Confirm arrival</button>";

    private static string MonitoringForm(int month)
    {
        static string Select(string name, string label) =>
            $"<label for=\"{name}\">{label}</label><select id=\"{name}\" name=\"{name}\" required><option value=\"\">Choose…</option>" +
            string.Concat(Enum.GetValues<Situation>().Select(s => $"<option value=\"{Choices.Kebab(s)}\">{s}</option>")) + "</select>";
        return $"<input type=\"hidden\" name=\"month\" value=\"{month}\"><p>Month {month} of the post-return period.</p>" +
            Select("economic", "Economic situation") + Select("social", "Social situation") + Select("psychosocial", "Psychosocial situation") +
            "<label for=\"notes\">Notes</label><textarea id=\"notes\" name=\"notes\" rows=\"4\" maxlength=\"4000\"></textarea><button>Send the report</button>";
    }
}
