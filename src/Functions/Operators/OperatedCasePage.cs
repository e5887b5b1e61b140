using System.Globalization;
using System.Text;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Operators.OperatorWords;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Operators;

/// <summary>A form's refusal to show beside its reason field: which form, and the words for why.</summary>
public sealed record FormProblem(string Form, string Key);

/// <summary>
/// One case as an operator sees it: the instance's status and failure, the work still to run with its attempts, next
/// try and last error, the forms to retry, skip a piece of work or terminate, the case's events as a programme
/// officer may read them (<see cref="CaseDisclosure"/>: no names or free text) and the operator actions on it.
/// </summary>
public static class OperatedCasePage
{
    private static readonly string[] Outcomes = ["retry", "skip", "terminate", "pending"];

    private static readonly string[] Refusals =
        ["case-not-running", "case-not-rehydrated", "effect-not-pending", "effect-not-skippable", "other"];

    public static async Task<IResult> ShowAsync(
        HttpContext http, OperatorDesk desk, string caseId, FormProblem? problem = null)
    {
        var w = OperatorWords.Of(http);
        var services = http.RequestServices;
        var instance = CaseIds.IsValid(caseId)
            ? await desk.InstanceAsync(caseId, http.RequestAborted)
            : null;
        if (instance is null or { Status: CaseInstanceStatus.Missing })
        {
            return Page(http, w, w.Format("ops.case.title", caseId),
                $"<p class=\"error\">{E(w.Format("ops.not-found", caseId))}</p>", StatusCodes.Status404NotFound,
                OfficeNavigation.Of(http, w));
        }

        await services.GetRequiredService<AuditLog>().ReadAsync(http.User, caseId, http.RequestAborted);
        var root = http.Request.PathBase;
        var html = new StringBuilder($"<h1>{E(w.Format("ops.case.title", caseId))}</h1>")
            .Append(Outcome(http, w))
            .Append($"<p><a href=\"{E(root)}/pages/operations?lang={w.Language}\">{E(w["ops.case.back"])}</a> · ")
            .Append($"<a href=\"{E(root)}/pages/cases/{E(caseId)}?lang={w.Language}\">{E(w["ops.case.page"])}</a></p>")
            .Append(Summary(w, instance))
            .Append(Effects(w, instance))
            .Append(OperatorForms.Render(http, w, instance, problem))
            .Append(await EventsAsync(http, w, caseId))
            .Append(await ActionsAsync(http, w, caseId));
        return Page(http, w, w.Format("ops.case.title", caseId), html.ToString(),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity,
            OfficeNavigation.Of(http, w));
    }

    /// <summary>What the last action did, from the redirect's query (known words only).</summary>
    private static string Outcome(HttpContext http, Words w)
    {
        var query = http.Request.Query;
        if (query["done"].ToString() is { } done && Outcomes.Contains(done))
        {
            return $"<p class=\"ok\" role=\"status\">{E(w[$"ops.done.{done}"])}</p>";
        }

        return query["refused"].ToString() is { } refused && Refusals.Contains(refused)
            ? $"<p class=\"error\" role=\"status\">{E(w[$"ops.refused.{refused}"])}</p>"
            : string.Empty;
    }

    private static string Summary(Words w, CaseInstance instance)
    {
        var html = new StringBuilder("<dl>")
            .Append($"<dt>{E(w["ops.col.status"])}</dt><dd data-status=\"{E(Choices.Kebab(instance.Status))}\">")
            .Append($"{E(w.Status(instance.Status))}</dd>");
        if (instance.Failure is { } failure)
        {
            html.Append($"<dt>{E(w["ops.case.failure"])}</dt><dd><code>{E(failure)}</code></dd>");
        }

        if (instance.Published is { } published)
        {
            html.Append($"<dt>{E(w["col.stage"])}</dt><dd>{E(w.Choice("stage", Choices.Kebab(published.Stage)))}</dd>")
                .Append(CultureInfo.InvariantCulture,
                    $"<dt>{E(w["ops.case.version"])}</dt><dd>{published.Version}</dd>")
                .Append($"<dt>{E(w["ops.case.wake"])}</dt><dd>{Time(published.WakeAt)}</dd>");
        }

        return html.Append($"<dt>{E(w["ops.col.updated"])}</dt><dd>{Time(instance.LastUpdated)}</dd></dl>").ToString();
    }

    private static string Effects(Words w, CaseInstance instance)
    {
        var effects = instance.Published?.Effects ?? [];
        var html = new StringBuilder($"<h2>{E(w["ops.case.effects"])}</h2>");
        if (effects.Count == 0)
        {
            return html.Append($"<p>{E(w["ops.case.no-effects"])}</p>").ToString();
        }

        string Th(string key) => $"<th scope=\"col\">{E(w[key])}</th>";
        string Td(string key, string content) => $"<td data-label=\"{E(w[key])}\">{content}</td>";
        html.Append("<table class=\"stack\"><thead><tr>").Append(Th("ops.col.work")).Append(Th("ops.col.kind"))
            .Append(Th("ops.col.attempts")).Append(Th("ops.col.since")).Append(Th("ops.col.next-try"))
            .Append(Th("ops.col.error")).Append("</tr></thead><tbody>");
        foreach (var effect in effects)
        {
            html.Append($"<tr data-effect=\"{E(effect.EffectId)}\">")
                .Append(Td("ops.col.work", $"<code>{E(effect.EffectId)}</code>"))
                .Append(Td("ops.col.kind", E(w.Kind(effect.Kind))))
                .Append(Td("ops.col.attempts", effect.Failures.ToString(CultureInfo.InvariantCulture)))
                .Append(Td("ops.col.since", Time(effect.FailingSince)))
                .Append(Td("ops.col.next-try", Time(effect.RetryAt)))
                .Append(Td("ops.col.error", effect.LastError is { } error ? $"<code>{E(error)}</code>" : "–"))
                .Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static async Task<string> EventsAsync(HttpContext http, Words w, string caseId)
    {
        var events = await http.RequestServices.GetRequiredService<ICaseReadModel>()
            .ReadEventsAsync(caseId, http.RequestAborted);
        var may = CaseDisclosure.Of(Role.ProgrammeOfficer);
        return new StringBuilder($"<h2>{E(w["case.events"])}</h2><ol class=\"events\">")
            .AppendJoin(string.Empty, events.Select(e => (e.Event.At, Said: w.Describe(e.Event, may)))
                .Select(t => $"<li>{Time(t.At)} <strong>{E(t.Said.What)}</strong> {E(t.Said.Detail)}</li>"))
            .Append("</ol>").ToString();
    }

    private static async Task<string> ActionsAsync(HttpContext http, Words w, string caseId)
    {
        var trail = http.RequestServices.GetRequiredService<IAuditTrail>();
        var rows = (await trail.ForCaseAsync(caseId, http.RequestAborted))
            .Where(a => a.Action != AuditEntry.Read).OrderByDescending(a => a.At).ToList();
        var html = new StringBuilder($"<h2>{E(w["ops.case.audit"])}</h2>");
        if (rows.Count == 0)
        {
            return html.Append($"<p>{E(w["ops.case.no-audit"])}</p>").ToString();
        }

        string Th(string key) => $"<th scope=\"col\">{E(w[key])}</th>";
        string Td(string key, string content) => $"<td data-label=\"{E(w[key])}\">{content}</td>";
        html.Append("<table class=\"stack\" data-audit><thead><tr>")
            .Append(Th("ops.col.when")).Append(Th("ops.col.who"))
            .Append(Th("ops.col.action")).Append(Th("ops.col.reason")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(Td("ops.col.when", Time(row.At))).Append(Td("ops.col.who", E(row.Caller)))
                .Append(Td("ops.col.action", E(w.Action(row.Action)))).Append(Td("ops.col.reason", E(row.Reason)))
                .Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
