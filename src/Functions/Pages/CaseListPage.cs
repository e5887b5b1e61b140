using System.Globalization;
using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>The case list with filters by programme, country, partner and stage (a partner sees only its shared cases).</summary>
public static class CaseListPage
{
    public static async Task<IResult> ListAsync(
        HttpContext http, ICaseIndex index, ProgrammeCatalog programmes, TimeProvider clock, string? programme, string? country,
        string? partner, string? stage, string? next)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var w = OfficeTexts.For(http);
        var isPartner = Caller.RoleOf(http.User) == Role.Partner;
        CaseStage? stageFilter = stage is { Length: > 0 } && Choices.TryParse<CaseStage>(stage, out var parsed) ? parsed : null;
        static string? Clean(string? value) => value is { Length: > 0 and <= 64 } ? value : null;
        var filter = new CaseFilter(Clean(programme), Clean(country)?.ToUpperInvariant(), isPartner ? Caller.PartnerOf(http.User) : Clean(partner), stageFilter, SharedWithPartnerOnly: isPartner);
        Domain.Runtime.CasePage page;
        try
        {
            page = await index.QueryAsync(filter, 50, next is { Length: <= 64 } && CaseIds.IsValid(next) ? next : null, http.RequestAborted);
        }
        catch (ArgumentException ex) when (ex.ParamName == "continuation")
        {
            // A "next" the list did not make (an edited or truncated address): the list from its start, as for any
            // other malformed filter on this page; it was a 500 on table storage.
            page = await index.QueryAsync(filter, 50, null, http.RequestAborted);
        }

        var html = new StringBuilder($"<h1>{E(w["list.title"])}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{E(http.Request.PathBase)}/pages/cases\" class=\"card\"><input type=\"hidden\" name=\"lang\" value=\"{w.Language}\"><fieldset><legend>{E(w["filters"])}</legend><div class=\"filters\">")
            .Append(Select("programme", w["filter.programme"], programmes.All.Select(p => (p.Id, w.ProgrammeName(p))), filter.ProgrammeId, w))
            .Append(CultureInfo.InvariantCulture, $"<div><label for=\"country\">{E(w["filter.country"])}</label><input type=\"text\" id=\"country\" name=\"country\" maxlength=\"2\" autocomplete=\"off\" value=\"{E(filter.Country)}\"></div>");
        if (!isPartner)
        {
            html.Append(Select("partner", w["filter.partner"], programmes.All.SelectMany(p => p.Partners).DistinctBy(p => p.Id).Select(p => (p.Id, p.Name)), filter.PartnerId, w));
        }

        html.Append(Select("stage", w["filter.stage"], Enum.GetValues<CaseStage>().Where(s => s != CaseStage.New).Select(s => (Choices.Kebab(s), w.Choice("stage", Choices.Kebab(s)))), stageFilter is { } st ? Choices.Kebab(st) : null, w))
            .Append(CultureInfo.InvariantCulture, $"</div></fieldset><button>{E(w["filter.apply"])}</button></form>");
        if (page.Cases.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p role=\"status\">{E(w["list.empty"])}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"stack\"><thead><tr><th scope=\"col\">{E(w["col.case"])}</th><th scope=\"col\">{E(w["col.programme"])}</th><th scope=\"col\">{E(w["col.country"])}</th><th scope=\"col\">{E(w["col.partner"])}</th><th scope=\"col\">{E(w["col.stage"])}</th><th scope=\"col\">{E(w["col.next"])}</th></tr></thead><tbody>");
            foreach (var c in page.Cases)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"{E(w["col.case"])}\"><a href=\"{E(http.Request.PathBase)}/pages/cases/{E(c.CaseId)}?lang={w.Language}\">{E(c.CaseId)}</a></td>")
                    .Append(CultureInfo.InvariantCulture, $"<td data-label=\"{E(w["col.programme"])}\">{E(c.ProgrammeId)}</td><td data-label=\"{E(w["col.country"])}\">{E(c.Country)}</td><td data-label=\"{E(w["col.partner"])}\">{E(c.PartnerId ?? "–")}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td data-label=\"{E(w["col.stage"])}\">{E(w.Choice("stage", Choices.Kebab(c.Stage)))}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td data-label=\"{E(w["col.next"])}\">{NextCell(c, today, w)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (page.Next is { } more)
        {
            var query = http.Request.Query.Where(q => q.Key != "next").ToDictionary(q => q.Key, q => q.Value.ToString());
            query["next"] = more;
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(http.Request.PathBase + "/pages/cases" + QueryString.Create(query!))}\">{E(w["list.more"])}</a></p>");
        }

        return Page(http, w, w["list.title"], html.ToString(), nav: OfficeNavigation.Of(http, w));
    }

    private static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, Words w) =>
        $"<div><label for=\"{name}\">{E(label)}</label><select id=\"{name}\" name=\"{name}\"><option value=\"\">{E(w["filter.any"])}</option>" +
        string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : string.Empty)}>{E(o.Text)}</option>")) + "</select></div>";

    /// <summary>The next deadline still ahead, and a marked line when one has passed unmet.</summary>
    private static string NextCell(CaseSummary c, DateOnly today, Words w)
    {
        var what = c.NextDeadlineKey is { } key ? w.Due(key) : c.NextDeadlineWhat;
        var ahead = c.NextDeadline is { } d && d >= today ? E($"{d:yyyy-MM-dd} · {what}") : "–";
        if (!c.IsOverdueOn(today))
        {
            return ahead;
        }

        var since = c.OverdueSince is { } s && (c.NextDeadline is not { } n || s <= n) ? s : c.NextDeadline!.Value;
        var count = c.Overdue + (c.NextDeadline < today ? 1 : 0);
        var marker = w.Format("list.overdue", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), count);
        return $"<strong class=\"overdue\">{E(marker)}</strong><br>{ahead}";
    }
}
