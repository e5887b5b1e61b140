using System.Globalization;
using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>Where one monitoring month stands on a given day.</summary>
public enum MonthStatus
{
    Upcoming,
    Due,
    Missed,
    Done,
}

/// <summary>
/// The case's timeline as a picture (SVG, server-rendered): the stages with the day each began, the next deadline and
/// the reminders sent, and the monitoring months done, due, missed or upcoming. Its title and description say the same in words.
/// </summary>
public static class TimelinePicture
{
    private const int Width = 360;

    public static IReadOnlyList<(int Month, DateOnly Due, MonthStatus Status)> Months(CaseState state, Programme programme, DateOnly today)
    {
        if (state.ArrivedOn is not { } arrived)
        {
            return [];
        }

        var deadlines = programme.Deadlines;
        return Enumerable.Range(1, deadlines.MonitoringMonths).Select(month =>
        {
            var due = CaseEvolution.MonitoringDate(arrived, month);
            var status = state.MonitoringReports.ContainsKey(month) ? MonthStatus.Done
                : today > due.AddDays(deadlines.MonitoringReportOverdueAfterDays) ? MonthStatus.Missed
                : today >= due ? MonthStatus.Due
                : MonthStatus.Upcoming;
            return (month, due, status);
        }).ToList();
    }

    public static string Render(CaseState state, Programme programme, CaseDeadlines deadlines, DateOnly today, Words w)
    {
        var next = deadlines.Next;
        var months = Months(state, programme, today);
        var stageRows = state.StageHistory.Count;
        var monthTop = 30 + stageRows * 28 + 98;
        var height = monthTop + (months.Count == 0 ? 0 : 44 + ((months.Count + 5) / 6) * 66);
        // Right to left the picture is mirrored: text starts at the right edge and the months run leftwards.
        int X(int x) => w.Direction == "rtl" ? Width - x : x;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" class=\"timeline\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"tl-title\">{E(w["timeline"])}</title><desc id=\"tl-desc\">{E(Describe(state, deadlines, months, w))}</desc>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(0)}\" y=\"16\" font-size=\"16\" font-weight=\"700\">{E(w["timeline.stages"])}</text>");
        for (var i = 0; i < stageRows; i++)
        {
            var entry = state.StageHistory[i];
            var y = 38 + i * 28;
            var current = i == stageRows - 1;
            if (i > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(10)}\" y1=\"{y - 28}\" x2=\"{X(10)}\" y2=\"{y}\" stroke=\"#0b5394\" stroke-width=\"2\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(10)}\" cy=\"{y}\" r=\"{(current ? 8 : 6)}\" fill=\"{(current ? "#fff" : "#0b5394")}\" stroke=\"#0b5394\" stroke-width=\"3\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(26)}\" y=\"{y + 5}\" font-size=\"15\"{(current ? " font-weight=\"700\"" : string.Empty)}>{E(Day(entry.EnteredAt))} · {E(w.Choice("stage", Choices.Kebab(entry.Stage)))}</text>");
        }

        var deadlineY = 38 + stageRows * 28 + 8;
        var escalations = Domain.Workflow.WaitingStages.EscalationsSent(state);
        var overdue = deadlines.OldestOverdue is { } oldest
            ? w.Format("timeline.overdue", deadlines.Overdue.Count, Day(oldest.Date))
            : string.Empty;
        var reminders = w.Format("timeline.reminders", state.RemindersSent.Count - escalations, escalations);
        var nextDue = next is null ? null : w.Due(next);
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{X(10)} {deadlineY - 8} l8 8 l-8 8 l-8 -8 z\" fill=\"#b45f06\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(26)}\" y=\"{deadlineY + 5}\" font-size=\"15\">{E(w["case.next"])}: {E(next is null ? w["case.none"] : Day(next.Date))}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(26)}\" y=\"{deadlineY + 25}\" font-size=\"15\"{Fit(nextDue, false)}>{E(nextDue)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(26)}\" y=\"{deadlineY + 45}\" font-size=\"15\" fill=\"#990000\" font-weight=\"700\"{Fit(overdue, true)}>{E(overdue)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(26)}\" y=\"{deadlineY + 65}\" font-size=\"15\" fill=\"#4a4a4a\"{Fit(reminders, false)}>{E(reminders)}</text>");
        if (months.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(0)}\" y=\"{monthTop + 16}\" font-size=\"16\" font-weight=\"700\">{E(w["timeline.months"])}</text>");
            foreach (var (month, due, status) in months)
            {
                var x = X(30 + ((month - 1) % 6) * 58);
                var y = monthTop + 48 + ((month - 1) / 6) * 66;
                var (fill, stroke, ink) = Colours(status);
                var statusText = w["month." + Choices.Kebab(status)];
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"month\" data-month=\"{month}\" data-status=\"{Choices.Kebab(status)}\"><title>{E(w.Format("month.label", month, statusText, Day(due)))}</title>")
                    .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"17\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"{(status == MonthStatus.Missed ? " stroke-dasharray=\"4 2\"" : string.Empty)}/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y + 5}\" font-size=\"15\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{ink}\">{month}</text>")
                    .Append(status == MonthStatus.Upcoming ? string.Empty : $"<text x=\"{x}\" y=\"{y + 34}\" font-size=\"15\" text-anchor=\"middle\" fill=\"#1b1b1b\">{E(statusText)}</text>")
                    .Append("</g>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static (string Fill, string Stroke, string Ink) Colours(MonthStatus status) => status switch
    {
        MonthStatus.Done => ("#38761d", "#274e13", "#fff"),
        MonthStatus.Due => ("#b45f06", "#7f3f00", "#fff"),
        MonthStatus.Missed => ("#990000", "#660000", "#fff"),
        _ => ("#fff", "#6b6b6b", "#1b1b1b"),
    };

    private static string Describe(
        CaseState state, CaseDeadlines deadlines, IReadOnlyList<(int Month, DateOnly Due, MonthStatus Status)> months, Words w)
    {
        var next = deadlines.Next;
        var stages = string.Join("; ", state.StageHistory.Select(s => $"{w.Choice("stage", Choices.Kebab(s.Stage))} {Day(s.EnteredAt)}"));
        var byStatus = Enum.GetValues<MonthStatus>()
            .Select(status => (status, list: months.Where(m => m.Status == status).Select(m => m.Month.ToString(CultureInfo.InvariantCulture)).ToList()))
            .Where(s => s.list.Count > 0)
            .Select(s => $"{w["month." + Choices.Kebab(s.status)]}: {string.Join(", ", s.list)}");
        var overdue = deadlines.OldestOverdue is { } oldest
            ? $" {w.Format("timeline.overdue", deadlines.Overdue.Count, Day(oldest.Date))}."
            : string.Empty;
        return $"{stages}. {w["case.next"]}: {(next is null ? w["case.none"] : $"{Day(next.Date)} {w.Due(next)}")}.{overdue} "
            + $"{w["timeline.months"]}: {string.Join("; ", byStatus)}.";
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A line that would run past the picture's edge (a longer language: French says the overdue line in 50 letters)
    /// is drawn squeezed to the width left of it, estimated from its letters at this font size, instead of cut off.
    /// </summary>
    private static string Fit(string? text, bool bold)
    {
        const int room = Width - 26 - 6;
        var estimated = (text?.Length ?? 0) * (bold ? 8.4 : 7.8);
        return estimated > room ? $" textLength=\"{room}\" lengthAdjust=\"spacingAndGlyphs\"" : string.Empty;
    }
}
