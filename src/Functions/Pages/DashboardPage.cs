using System.Globalization;
using System.Text;
using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Statistics;
using Reintegration.Functions.Api;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Localization;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>
/// The programme officer's dashboard over the cases the signed-in person may see: cases per stage, deadlines this week,
/// budget approved and spent per programme, monitoring reports on time. Anonymous figures, as in the statistics API.
/// </summary>
public static class DashboardPage
{
    private const string Blue = "#0b5394";
    private const string Green = "#38761d";
    private const string Orange = "#b45f06";
    private const string Red = "#990000";

    public static async Task<IResult> ShowAsync(HttpContext http, ICaseIndex index, ICaseReadModel store, ProgrammeCatalog programmes, TimeProvider clock)
    {
        var w = OfficeTexts.For(http);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cases = await VisibleCases.LoadAsync(http.User, index, store, http.RequestAborted);

        var groups = CaseStatistics.Compute(cases, programmes, StatisticsGrouping.Programme, now);
        var html = new StringBuilder($"<h1>{E(w["dash.title"])}</h1><p class=\"muted\">{E(w.Format("dash.as-of", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cases.Count))}</p><div class=\"charts\">");

        var stages = cases.GroupBy(c => c.Stage).OrderBy(g => g.Key)
            .Select(g => new ChartBar(w.Choice("stage", Choices.Kebab(g.Key)), [(g.Count(), Blue)], g.Count().ToString(CultureInfo.InvariantCulture))).ToList();
        html.Append(Chart(w["dash.stages"], stages.Count == 0 ? null : SvgCharts.Bars("stages", w["dash.stages"], stages, rightToLeft: RightToLeft(w)), w));

        // Overdue first (a deadline passed unmet), then the next deadlines of the coming seven days.
        var deadlines = cases.Select(c => (c.CaseId, Due: NextDeadline.Of(c, programmes.Get(c.File!.ProgrammeId), today))).ToList();
        var overdue = deadlines.Where(d => d.Due.OldestOverdue is not null)
            .Select(d => (d.CaseId, Item: d.Due.OldestOverdue!, Overdue: true)).OrderBy(d => d.Item.Date).ToList();
        var week = deadlines.Where(d => d.Due.Next is { } due && due.Date < today.AddDays(7))
            .Select(d => (d.CaseId, Item: d.Due.Next!, Overdue: false)).OrderBy(d => d.Item.Date).ToList();
        var days = Enumerable.Range(0, 7).Select(today.AddDays).Select(day =>
        {
            var count = week.Count(d => d.Item.Date == day);
            var label = day.ToString("ddd yyyy-MM-dd", CultureInfo.GetCultureInfo(w.Language));
            return new ChartBar(label, [(count, Orange)], count.ToString(CultureInfo.InvariantCulture));
        }).Prepend(new ChartBar(w["dash.overdue"], [(overdue.Count, Red)], overdue.Count.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var listed = overdue.Concat(week).ToList();
        var weekList = listed.Count == 0 ? $"<p>{E(w["dash.week.none"])}</p>"
            : "<ul>" + string.Concat(listed.Select(d =>
                $"<li><a href=\"{E(http.Request.PathBase)}/pages/cases/{E(d.CaseId)}?lang={w.Language}\">{E(d.CaseId)}</a> · "
                + (d.Overdue ? $"<strong class=\"overdue\">{E(w["case.overdue"])}</strong> · " : string.Empty)
                + $"{d.Item.Date:yyyy-MM-dd} · {E(w.Due(d.Item))}</li>")) + "</ul>";
        html.Append(Chart(w["dash.week"], SvgCharts.Bars("week", w["dash.week"], days, rightToLeft: RightToLeft(w)) + weekList, w));

        var budget = groups.SelectMany(g => g.BudgetPlanned.Select(p => (g.Group, Planned: p, Spent: g.BudgetSpent.Where(s => s.Currency == p.Currency).Select(s => (Money?)s).FirstOrDefault())))
            .Select(b => new ChartBar($"{b.Group} ({b.Planned.Currency})",
                [((double)(b.Spent?.Amount ?? 0m), Green), ((double)Math.Max(0m, b.Planned.Amount - (b.Spent?.Amount ?? 0m)), Blue)],
                $"{w["dash.spent"]} {b.Spent?.ToString() ?? "0"} / {w["dash.planned"]} {b.Planned}")).ToList();
        html.Append(Chart(w["dash.budget"], budget.Count == 0 ? null : SvgCharts.Bars("budget", w["dash.budget"], budget, [(w["dash.spent"], Green), (w["dash.planned"], Blue)], RightToLeft(w)), w));

        var monitoring = groups.Where(g => g.MonitoringReportsDue > 0).Select(g => new ChartBar(g.Group,
            [(g.MonitoringReportsOnTime, Green), (g.MonitoringReportsLate, Orange), (g.MonitoringReportsMissing, Red)],
            $"{g.MonitoringReportsOnTime} {w["dash.on-time"]}, {g.MonitoringReportsLate} {w["dash.late"]}, {g.MonitoringReportsMissing} {w["dash.missing"]}")).ToList();
        html.Append(Chart(w["dash.monitoring"], monitoring.Count == 0 ? null : SvgCharts.Bars("monitoring", w["dash.monitoring"], monitoring,
            [(w["dash.on-time"], Green), (w["dash.late"], Orange), (w["dash.missing"], Red)], RightToLeft(w)), w));
        return Page(http, w, w["dash.title"], html.Append("</div>").ToString(), nav: OfficeNavigation.Of(http, w));
    }

    private static bool RightToLeft(Words w) => w.Direction == "rtl";

    private static string Chart(string title, string? content, Words w) =>
        $"<section class=\"card\"><h2>{E(title)}</h2>{content ?? $"<p>{E(w["dash.no-data"])}</p>"}</section>";
}
