using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Pages;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Operators;

/// <summary>
/// The operator's three forms (retry, skip one piece of work, terminate), each with a required reason of at most 500
/// characters, and their POSTs: antiforgery first, then the reason (missing or too long: the page again with the
/// words beside the field, 422, nothing done), then <see cref="OperatorDesk"/>, which audits; then 303 back to the
/// case's page, which says what happened.
/// </summary>
public static class OperatorForms
{
    public const string Retry = "retry";
    public const string Skip = "skip";
    public const string Terminate = "terminate";
    public const int MaxReason = 500;

    /// <summary>A reason, an effect id and the antiforgery token fit easily; anything larger is not our form.</summary>
    public const int MaxFormBytes = 8192;

    public static string Render(HttpContext http, Words w, CaseInstance instance, FormProblem? problem)
    {
        var html = new StringBuilder($"<h2>{E(w["ops.case.actions"])}</h2>");
        var ended = instance.Status is CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated;
        if (ended || instance.Troubled)
        {
            html.Append(Form(http, w, instance.CaseId, Retry, Retry, null, w["ops.retry.legend"], w["ops.retry.help"],
                w["ops.retry"], problem));
        }

        if (instance.Status is CaseInstanceStatus.Running)
        {
            var effects = instance.Published?.Effects ?? [];
            // The erasure of a person's data is never offered for skipping (the case refuses it: effect-not-skippable).
            for (var i = 0; i < effects.Count; i++)
            {
                if (effects[i].Kind == nameof(CaseEffect.ErasePersonalHistory))
                {
                    continue;
                }

                html.Append(Form(http, w, instance.CaseId, Skip, $"skip-{i}", effects[i].EffectId,
                    w.Format("ops.skip.legend", effects[i].EffectId), w["ops.skip.help"], w["ops.skip"], problem));
            }
        }

        if (instance.Status is CaseInstanceStatus.Running or CaseInstanceStatus.Pending)
        {
            html.Append(Form(http, w, instance.CaseId, Terminate, Terminate, null, w["ops.terminate.legend"],
                w["ops.terminate.help"], w["ops.terminate"], problem));
        }

        return html.ToString();
    }

    private static string Form(
        HttpContext http, Words w, string caseId, string action, string id, string? effect, string legend, string help,
        string button, FormProblem? problem)
    {
        var error = problem is not null && problem.Form == FormKey(action, effect) ? w[problem.Key] : null;
        var described = $"{id}-help {id}-hint" + (error is null ? string.Empty : $" {id}-error");
        var html = new StringBuilder($"<form method=\"post\" class=\"card\" data-action=\"{action}\" ")
            .Append($"action=\"{E(http.Request.PathBase)}/pages/operations/{E(caseId)}/{action}?lang={w.Language}\">")
            .Append(SignInPages.Antiforgery(http))
            .Append(effect is null ? string.Empty : $"<input type=\"hidden\" name=\"effect\" value=\"{E(effect)}\">")
            .Append($"<fieldset><legend>{E(legend)}</legend><p class=\"hint\" id=\"{id}-help\">{E(help)}</p>")
            .Append($"<label for=\"{id}-reason\">{E(w["ops.reason"])}")
            .Append($"<span class=\"hint\" id=\"{id}-hint\">{E(w["ops.reason.hint"])}</span></label>")
            .Append(error is null
                ? string.Empty
                : $"<p class=\"error\" role=\"alert\" id=\"{id}-error\">{E(error)}</p>")
            .Append($"<textarea id=\"{id}-reason\" name=\"reason\" rows=\"3\" required maxlength=\"{MaxReason}\" ")
            .Append($"aria-describedby=\"{described}\"")
            .Append(error is null ? string.Empty : " aria-invalid=\"true\"").Append("></textarea>")
            .Append($"<button>{E(button)}</button></fieldset></form>");
        return html.ToString();
    }

    /// <summary>How long the page waits for the task hub to carry out a termination, before saying "sent".</summary>
    public static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The task hub carries out a termination on its next turn, not when asked: the page the officer is sent back to
    /// should show it done, so the answer waits for it (bounded, like a command's answer).
    /// </summary>
    private static async Task<bool> TerminatedAsync(
        OperatorDesk desk, string caseId, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TerminationWait);
        try
        {
            while ((await desk.InstanceAsync(caseId, bound.Token)).Status
                is CaseInstanceStatus.Running or CaseInstanceStatus.Pending)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), bound.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string FormKey(string action, string? effect) => effect is null ? action : $"{action}:{effect}";

    public static async Task<IResult> ActAsync(HttpContext http, OperatorDesk desk, string caseId, string action)
    {
        if (await SignInPages.SmallFormAsync(http, MaxFormBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var services = http.RequestServices;
        if (!http.Request.HasFormContentType
            || !await FormRequests.AntiforgeryValidAsync(http))
        {
            return Results.Problem(type: "antiforgery", title: "The form's antiforgery token is missing or wrong.",
                statusCode: StatusCodes.Status400BadRequest, detail: "Send the form from the operator page.");
        }

        if (!CaseIds.IsValid(caseId)
            || (await desk.InstanceAsync(caseId, http.RequestAborted)).Status == CaseInstanceStatus.Missing)
        {
            return Results.NotFound();
        }

        if (await FormRequests.ReadAsync(http.Request) is not { } form)
        {
            return Results.Problem(type: "form-unreadable", title: "The form could not be read.",
                statusCode: StatusCodes.Status400BadRequest, detail: "Send the form from the operator page.");
        }

        var effect = action == Skip ? form["effect"].ToString().Trim() : null;
        // An effect id ({case}:{version}:{index}), not free text: it goes into the audit trail and its log line.
        if (effect is { Length: 0 or > 200 } || (effect is not null && !effect.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.')))
        {
            return Results.Problem(type: "invalid-field", title: "effect: which work to skip is missing or not an effect id.",
                statusCode: StatusCodes.Status400BadRequest, detail: "The field 'effect' names the work to skip.");
        }

        var reason = form["reason"].ToString().Trim();
        if (reason.Length is 0 or > MaxReason)
        {
            var key = reason.Length == 0 ? "ops.reason.missing" : "ops.reason.too-long";
            return await OperatedCasePage.ShowAsync(http, desk, caseId, new FormProblem(FormKey(action, effect), key));
        }

        var answer = action switch
        {
            Retry => await desk.RetryAsync(http.User, caseId, reason, http.RequestAborted),
            Skip => await desk.SkipAsync(http.User, caseId, effect!, reason, http.RequestAborted),
            _ => await desk.TerminateAsync(http.User, caseId, reason, http.RequestAborted),
        };
        if (action == Terminate && answer.Outcome == CommandOutcome.Accepted
            && !await TerminatedAsync(desk, caseId, http.RequestAborted))
        {
            answer = answer with { Outcome = CommandOutcome.Pending };
        }

        var said = answer switch
        {
            { Outcome: CommandOutcome.Rejected, Rejection.Code: var code } => "refused=" + (code is
                "case-not-running" or "case-not-rehydrated" or "effect-not-pending" or "effect-not-skippable" ? code : "other"),
            { Outcome: CommandOutcome.Pending } => "done=pending",
            _ => "done=" + action,
        };
        var w = OperatorWords.Of(http);
        return new SeeOther(
            $"{http.Request.PathBase}/pages/operations/{Uri.EscapeDataString(caseId)}?lang={w.Language}&{said}");
    }
}
