using System.Globalization;
using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Pages.Actions;
using Reintegration.Functions.Security;
using Reintegration.Storage.Documents;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>
/// One case as the signed-in person's role may see it (the same <see cref="CaseView"/> as the API): summary, the
/// timeline picture, the events, and the monitoring attachments to download.
/// </summary>
public static class CasePage
{
    /// <param name="feedback">A step from the page that was refused: its form is shown again with the reasons.</param>
    public static async Task<IResult> ShowAsync(
        HttpContext http, string caseId, ICaseReadModel store, ProgrammeCatalog programmes, AuditLog audit, TimeProvider clock,
        ActionFeedback? feedback = null, int status = StatusCodes.Status200OK)
    {
        var w = OfficeTexts.For(http);
        if (!CaseIds.IsValid(caseId) || await store.ReadAsync(caseId, http.RequestAborted) is not { } stored || !CaseAccess.CanSee(http.User, stored))
        {
            return Page(http, w, w.Format("case.title", caseId), $"<p class=\"error\">{E(w.Format("case.title", caseId))}: 404</p>", StatusCodes.Status404NotFound, OfficeNavigation.Of(http, w));
        }

        await audit.ReadAsync(http.User, caseId, http.RequestAborted);
        var state = stored;
        var programme = programmes.Get(state.File!.ProgrammeId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var deadlines = NextDeadline.Of(state, programme, today);
        var role = Caller.RoleOf(http.User)!.Value;
        var events = await store.ReadEventsAsync(caseId, http.RequestAborted);
        var view = CaseView.Of(state, events, deadlines, role);
        var html = new StringBuilder($"<h1>{E(w.Format("case.title", view.CaseId))}</h1>");
        if (feedback is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\"><a href=\"#action-{feedback.Step}\">{E(w.Format("actions.refused", w[$"action.{feedback.Step}.title"]))}</a></p>");
        }
        else if (Done(http) is { } done)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"ok\" role=\"status\">{E(w[done])}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["case.summary"])}</h2><dl>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["col.stage"])}</dt><dd data-stage=\"{E(view.Stage)}\">{E(w.Choice("stage", view.Stage))}{(state.Closure is { } closure ? $" ({E(w.Closure(closure))})" : string.Empty)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["col.programme"])}</dt><dd>{E(w.ProgrammeName(programme))}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["col.country"])}</dt><dd>{E(view.CountryOfReturn)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["col.partner"])}</dt><dd>{E(view.PartnerId is { } partnerId ? programme.PartnerById(partnerId)?.Name ?? partnerId : "–")}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["case.consent"])}</dt><dd>{E(view.ConsentToShareWithPartner ? w["yes"] : w["no"])}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>{E(w["case.next"])}</dt><dd>{E(deadlines.Next is { } due ? $"{CaseWords.Day(due.Date)} · {w.Due(due)}" : w["case.none"])}</dd>");
        if (deadlines.Overdue.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(w["case.overdue"])}</dt><dd><ul class=\"overdue\">")
                .AppendJoin(string.Empty, deadlines.Overdue.Select(d => $"<li><strong>{E(CaseWords.Day(d.Date))}</strong> · {E(w.Due(d))}</li>"))
                .Append("</ul></dd>");
        }

        if (state.Plan is { } plan)
        {
            var planStatus = w.PlanStatus(plan.Status);
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(w["plan"])}</dt><dd>{E(w.Format("case.plan", plan.Version, planStatus, plan.Total))}</dd>");
        }

        html.Append("</dl>");
        if (view.People is { } people)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["case.people"])}</h2><ul>")
                .AppendJoin(string.Empty, people.Persons.Select(p => $"<li>{E(p.Name)} · {E(p.DateOfBirth)} · {E(w.Choice("relationship", p.Relationship))}</li>"))
                .Append("</ul>");
        }

        if (view.CounsellingNote is { } note)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["case.note"])}</h2><p class=\"note\">{E(note)}</p>");
        }

        html.Append(CaseActionForms.Render(http, state, programme, w, feedback));
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["timeline"])}</h2><figure class=\"card\">{TimelinePicture.Render(state, programme, deadlines, today, w)}</figure>");
        var attachments = MayOpenDocuments(http)
            ? state.MonitoringReports.Values.SelectMany(r => r.AttachmentIds.Select(id => (r.Month, id))).ToList()
            : [];
        if (attachments.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["case.attachments"])}</h2><ul>")
                .AppendJoin(string.Empty, attachments.Select(a => $"<li><a href=\"{E(http.Request.PathBase)}/pages/cases/{E(caseId)}/documents/{E(a.id)}\">{E(w.Format("month.label", a.Month, w["month.done"], a.id))}</a></li>"))
                .Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(w["case.events"])}</h2><ol class=\"events\">")
            .AppendJoin(string.Empty, events.Select(e => (e.Event.At, Said: w.Describe(e.Event, CaseDisclosure.Of(role), w.ProgrammeName(programme))))
                .Select(t => $"<li><time datetime=\"{t.At:O}\">{t.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</time> <strong>{E(t.Said.What)}</strong> {E(t.Said.Detail)}</li>"))
            .Append("</ol>");
        return Page(http, w, w.Format("case.title", view.CaseId), html.ToString(), status, OfficeNavigation.Of(http, w));
    }

    // What the step just taken came to (?done= after a step's redirect), said at the top of the page.
    private static string? Done(HttpContext http) => http.Request.Query["done"].ToString() switch
    {
        "pending" => "actions.pending",
        "duplicate" => "actions.duplicate",
        var step when CaseSteps.Named(step) is not null => $"action.{step}.done",
        _ => null,
    };

    public static async Task<IResult> DownloadAsync(HttpContext http, string caseId, string documentId, ICaseReadModel store, AuditLog audit)
    {
        if (!MayOpenDocuments(http) || !CaseIds.IsValid(caseId)
            || await store.ReadAsync(caseId, http.RequestAborted) is not { } stored
            || !CaseAccess.CanSee(http.User, stored)
            || !stored.MonitoringReports.Values.Any(r => r.AttachmentIds.Contains(documentId))
            || http.RequestServices.GetService<DocumentVault>() is not { } vault
            || await vault.GetAsync(caseId, documentId, http.RequestAborted) is not { } document)
        {
            return Results.NotFound();
        }

        await audit.ReadAsync(http.User, caseId, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var extension = document.Document.ContentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        return Results.File(document.Content, document.Document.ContentType, documentId + extension);
    }

    // Attachments are what people sent (photos, receipts): free text by CaseDisclosure's rules, which may show names.
    private static bool MayOpenDocuments(HttpContext http) =>
        Caller.RoleOf(http.User) is { } role && CaseDisclosure.Of(role).FreeText;
}
