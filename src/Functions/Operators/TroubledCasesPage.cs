using System.Text;
using Reintegration.Functions.Api;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Pages;
using static Reintegration.Functions.Operators.OperatorWords;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Operators;

/// <summary>
/// The cases an operator must look at (<see cref="OperatorDesk.TroubledAsync"/>): failed instances and running ones
/// whose work keeps failing, each with what fails, how often, the last error's type and the next try; and a field
/// to open any case by its id (a terminated case is no longer on the list).
/// </summary>
public static class TroubledCasesPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, OperatorDesk desk, string? open)
    {
        var w = OperatorWords.Of(http);
        var root = http.Request.PathBase;
        if (open is not null && CaseIds.IsValid(open.Trim()))
        {
            return new SeeOther($"{root}/pages/operations/{Uri.EscapeDataString(open.Trim())}?lang={w.Language}");
        }

        var invalid = open is not null;
        var troubled = await desk.TroubledAsync(http.RequestAborted);
        var html = new StringBuilder($"<h1>{E(w["ops.title"])}</h1><p>{E(w["ops.intro"])}</p>")
            .Append($"<form method=\"get\" action=\"{E(root)}/pages/operations\"><input type=\"hidden\" name=\"lang\" ")
            .Append($"value=\"{E(w.Language)}\"><label for=\"case\">{E(w["ops.open"])}</label>")
            .Append(invalid ? $"<p class=\"error\" id=\"case-error\">{E(w.Format("ops.not-found", open))}</p>" : "")
            .Append($"<input type=\"text\" id=\"case\" name=\"case\" required maxlength=\"64\" autocomplete=\"off\"")
            .Append(invalid ? " aria-invalid=\"true\" aria-describedby=\"case-error\">" : ">")
            .Append($"<button>{E(w["ops.open.button"])}</button></form>");
        if (troubled.Count == 0)
        {
            html.Append($"<p class=\"ok\" role=\"status\">{E(w["ops.none"])}</p>");
        }
        else
        {
            string Th(string key) => $"<th scope=\"col\">{E(w[key])}</th>";
            html.Append("<table class=\"stack\"><thead><tr>").Append(Th("col.case")).Append(Th("ops.col.status"))
                .Append(Th("ops.col.effect")).Append(Th("ops.col.attempts")).Append(Th("ops.col.error"))
                .Append(Th("ops.col.next-try")).Append(Th("ops.col.updated")).Append("</tr></thead><tbody>");
            foreach (var instance in troubled.OrderBy(i => i.LastUpdated))
            {
                html.Append(Row(http, w, instance));
            }

            html.Append("</tbody></table>");
        }

        return Page(http, w, w["ops.title"], html.ToString(), invalid ? StatusCodes.Status400BadRequest : 200,
            OfficeNavigation.Of(http, w));
    }

    private static string Row(HttpContext http, Localization.Words w, CaseInstance instance)
    {
        var failing = instance.Published?.Effects.Where(e => e.Failures > 0).ToList() ?? [];
        string Td(string key, string content) => $"<td data-label=\"{E(w[key])}\">{content}</td>";
        var link =
            $"{http.Request.PathBase}/pages/operations/{Uri.EscapeDataString(instance.CaseId)}?lang={w.Language}";
        var errors = failing.Select(e => e.LastError).OfType<string>().Distinct().ToList();
        return $"<tr data-case=\"{E(instance.CaseId)}\">"
            + Td("col.case", $"<a href=\"{E(link)}\">{E(instance.CaseId)}</a>")
            + Td("ops.col.status", E(w.Status(instance.Status)))
            + Td("ops.col.effect", string.Join(
                "<br>", failing.Select(e => $"{E(w.Kind(e.Kind))}: <code>{E(e.EffectId)}</code>")))
            + Td("ops.col.attempts", failing.Count == 0
                ? "–"
                : failing.Max(e => e.Failures).ToString(System.Globalization.CultureInfo.InvariantCulture))
            + Td("ops.col.error", errors.Count > 0 ? string.Join("<br>", errors.Select(e => $"<code>{E(e)}</code>"))
                : instance.Failure is { } failure ? $"<code>{E(failure)}</code>" : "–")
            + Td("ops.col.next-try", Time(failing.Select(e => e.RetryAt).Where(t => t is not null).Min()))
            + Td("ops.col.updated", Time(instance.LastUpdated))
            + "</tr>";
    }
}

/// <summary>303 See Other: after a form's POST the browser GETs the page it is sent to.</summary>
public sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
