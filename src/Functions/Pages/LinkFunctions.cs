using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Links;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>
/// E-mail links. GET and HEAD only show a confirmation page (mail scanners follow links); the POST from that page acts,
/// once: its command id is the token's id, so a second POST is a duplicate. Expired or tampered links get a clear page
/// and a 4xx. The signed token is the capability, so these pages need no sign-in and no antiforgery token.
/// </summary>
public sealed class LinkFunctions
{
    [Function("LinkPage")]
    public Task<IResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "links/{token}")] HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.HttpContext.RequestServices;
        return ShowAsync(
            request.HttpContext, token, services.GetRequiredService<LinkTokens>(), services.GetRequiredService<ICaseReadModel>(),
            services.GetRequiredService<ProgrammeCatalog>(), services.GetRequiredService<TimeProvider>());
    }

    [Function("LinkAction")]
    public Task<IResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.HttpContext.RequestServices;
        return ActAsync(
            request.HttpContext, token, services.GetRequiredService<LinkTokens>(), services.GetRequiredService<ICaseReadModel>(),
            services.GetRequiredService<ProgrammeCatalog>(), services.GetRequiredService<ICaseCommandsSource>().For(client),
            services.GetRequiredService<TimeProvider>());
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string token, LinkTokens links, ICaseReadModel store, ProgrammeCatalog programmes, TimeProvider clock)
    {
        var verification = links.Verify(token, clock.GetUtcNow());
        if (Check(http, verification) is { } refusal)
        {
            return refusal;
        }

        var claims = ((LinkVerification.Valid)verification).Claims;
        if (await store.ReadAsync(claims.CaseId, http.RequestAborted) is not { } stored)
        {
            var o = LinkPageWords.Outcome(http);
            return Page(http, o, o["unknown-case.title"], $"<p class=\"error\">{E(o["unknown-case"])}</p>", StatusCodes.Status404NotFound);
        }

        var state = stored;
        var programme = programmes.Get(state.File!.ProgrammeId);
        var w = LinkPageWords.For(http, claims.Action, state, programme);
        if (Closed(http, state, w) is { } closed)
        {
            return closed;
        }

        if (LinkPageWords.Stale(claims, state, w) is { } stale)
        {
            return Page(http, w, w["nothing-to-do.title"], $"<p class=\"note\">{E(stale)}</p>", StatusCodes.Status409Conflict);
        }

        var (title, form) = claims.Action switch
        {
            LinkAction.DecideEligibility => (w["eligibility.title"], CaseworkerForms.Eligibility(state, w)),
            LinkAction.DecidePlan => (w["plan.title"], CaseworkerForms.Plan(state, programme, w)),
            LinkAction.ConfirmArrival => (w["arrival.title"], PartnerForms.Arrival(state, w)),
            _ => (w["monitoring.title"], PartnerForms.Monitoring(claims.Round, programme.Deadlines.MonitoringMonths, w)),
        };
        if (HttpMethods.IsGet(http.Request.Method))
        {
            // The form shows names and dates of birth: a read like any other, by the link, in the role it was sent to.
            var role = LinkPageWords.IsPartnerAction(claims.Action) ? Role.Partner : Role.Agency;
            await http.RequestServices.GetRequiredService<AuditLog>()
                .LinkReadAsync(state.CaseId, claims.TokenId, role, http.RequestAborted);
        }

        var multipart = claims.Action == LinkAction.ReportMonitoring ? " enctype=\"multipart/form-data\"" : string.Empty;
        return Page(http, w, title,
            $"<h1>{E(title)}</h1><p class=\"muted\">{E(w.Format("case-line", state.CaseId, w.ProgrammeName(programme), state.File.CountryOfReturn))}</p>" +
            $"<form method=\"post\" action=\"{E(http.Request.PathBase + "/links/" + token)}?lang={w.Language}\"{multipart}>{form}</form>");
    }

    private static async Task<IResult> ActAsync(HttpContext http, string token, LinkTokens links, ICaseReadModel store, ProgrammeCatalog programmes, ICaseCommands runtime, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var verification = links.Verify(token, now);
        if (Check(http, verification) is { } refusal)
        {
            return refusal;
        }

        var claims = ((LinkVerification.Valid)verification).Claims;
        var stored = await store.ReadAsync(claims.CaseId, http.RequestAborted);
        var w = stored?.File is { } file ? LinkPageWords.For(http, claims.Action, stored, programmes.Get(file.ProgrammeId)) : LinkPageWords.Outcome(http);
        if (!http.Request.HasFormContentType)
        {
            return Page(http, w, w["not-a-form.title"], $"<p class=\"error\">{E(w["not-a-form"])}</p>", StatusCodes.Status415UnsupportedMediaType);
        }

        if (await FormRequests.ReadAsync(http.Request) is not { } form)
        {
            // Beyond the form reader's limits (over 1,024 fields, a part too long): no link page's form; it was a 500.
            return Page(http, w, w["not-a-form.title"], $"<p class=\"error\">{E(w["not-a-form"])}</p>", StatusCodes.Status400BadRequest);
        }

        var (command, problem) = LinkCommands.Build(claims, form, $"link:{claims.TokenId}", now);
        if (problem is null && command is CaseCommand.SubmitMonitoringReport report && stored is not null)
        {
            (command, problem) = await MonitoringAttachments.AttachAsync(http, report, form.Files, stored, http.RequestAborted);
        }

        if (problem is not null)
        {
            return Page(http, w, w["check-form.title"],
                $"<p class=\"error\" role=\"alert\">{E(w[problem])}</p><p><a href=\"{E(http.Request.PathBase + "/links/" + token)}?lang={w.Language}\">{E(w["back-to-form"])}</a></p>",
                StatusCodes.Status400BadRequest);
        }

        CommandResult result;
        try
        {
            result = await runtime.HandleAsync(command!, stored, http.RequestAborted);
        }
        catch
        {
            await MonitoringAttachments.DiscardAsync(http, command!);
            throw;
        }

        if (result.Outcome is CommandOutcome.Rejected or CommandOutcome.Duplicate)
        {
            // Pending keeps them: the message was raised and the report, which names them, is most likely taken a
            // moment later (deleting them left a report naming documents that were gone). Erasure deletes every
            // document under the case, a stray one included.
            await MonitoringAttachments.DiscardAsync(http, command!);
        }

        var stage = Choices.Kebab(result.State.Stage);
        return result.Outcome switch
        {
            CommandOutcome.Duplicate => Page(http, w, w["already.title"], $"<p class=\"ok\" role=\"status\">{E(w["already"])}</p>"),
            CommandOutcome.Rejected => Page(http, w, w["not-done.title"], $"<p class=\"error\" role=\"alert\">{E(LinkPageWords.Refusal(result.Rejection!, claims, result.State, w))}</p>", result.Rejection!.Code == "case-not-found" ? 404 : 409),
            CommandOutcome.Pending => Page(http, w, w["done.title"],
                $"<h1>{E(w["done.title"])}</h1><p class=\"ok\" role=\"status\">{E(w["received"])}</p>", StatusCodes.Status202Accepted),
            _ => Page(http, w, w["done.title"],
                $"<h1>{E(w["done.title"])}</h1><p class=\"ok\" role=\"status\">{string.Format(CultureInfo.InvariantCulture, E(w["done"]), $"<strong data-stage=\"{stage}\">{E(w.Choice("stage", stage))}</strong>")}</p>"),
        };
    }

    // A closed or erased case takes nothing more from a link: its page says so instead of showing a form.
    private static IResult? Closed(HttpContext http, CaseState state, Words w) =>
        state.Stage == CaseStage.Closed
            ? Page(http, w, w["nothing-to-do.title"], $"<p class=\"note\">{E(w["closed"])}</p>", 409)
            : null;

    private static IResult? Check(HttpContext http, LinkVerification verification)
    {
        if (verification is LinkVerification.Valid)
        {
            return null;
        }

        var o = LinkPageWords.Outcome(http);
        return verification is LinkVerification.Expired
            ? Page(http, o, o["link.expired.title"], $"<p class=\"error\">{E(o["link.expired"])}</p>", StatusCodes.Status410Gone)
            : Page(http, o, o["link.invalid.title"], $"<p class=\"error\">{E(o["link.invalid"])}</p>", StatusCodes.Status400BadRequest);
    }
}
