using System.Globalization;
using System.Text;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages.Actions;

/// <summary>What went wrong with a step posted from the case page: by input name, and for the step as a whole.</summary>
public sealed record ActionFeedback(string Step, IReadOnlyDictionary<string, string> ByInput, string? Overall, IFormCollection Posted);

/// <summary>
/// The case page's "Next steps": a form for each <see cref="CaseSteps"/> step the signed-in role may take in the case's
/// stage (the same map the decider uses), posted to <see cref="CaseActionFunctions"/> with an antiforgery token and a
/// form id that makes a second press of the button a duplicate. A refused step shows its form again with the posted
/// values and the reason beside the field at fault.
/// </summary>
public static class CaseActionForms
{
    /// <summary>Blank plan rows offered after the plan's own lines.</summary>
    public const int BlankPlanRows = 3;

    public static IReadOnlyList<CaseStep> Offered(CaseState state, Role role) =>
        [.. CaseSteps.OnCasePage.Where(s => s.Roles.Contains(role) && WorkflowMap.Accepts(state.Stage, s.Command) && Fits(s, state))];

    public static string Render(HttpContext http, CaseState state, Programme programme, Words w, ActionFeedback? feedback)
    {
        var role = Caller.RoleOf(http.User)!.Value;
        var steps = Offered(state, role);
        if (steps.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder($"<h2 id=\"steps\">{E(w["actions.title"])}</h2>");
        var antiforgery = SignInPages.Antiforgery(http);
        foreach (var step in steps)
        {
            var mine = feedback?.Step == step.Name ? feedback : null;
            var title = step == CaseSteps.SubmitPlan && state.Plan is not null ? w["action.submit-plan.revise"] : w[$"action.{step.Name}.title"];
            html.Append(CultureInfo.InvariantCulture,
                $"<form class=\"card\" id=\"action-{step.Name}\" method=\"post\" action=\"{E(http.Request.PathBase)}/pages/cases/{E(state.CaseId)}/actions/{step.Name}?lang={w.Language}\" aria-labelledby=\"action-{step.Name}-title\">")
                .Append(CultureInfo.InvariantCulture, $"<h3 id=\"action-{step.Name}-title\">{E(title)}</h3>")
                .Append(antiforgery)
                .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{CaseActionFunctions.FormIdField}\" value=\"{Guid.NewGuid():N}\">");
            if (mine?.Overall is { } overall)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"action-{step.Name}-error\">{E(overall)}</p>");
            }

            html.Append(Fields(step, state, programme, w, new Inputs(mine)))
                .Append(CultureInfo.InvariantCulture, $"<button>{E(w[$"action.{step.Name}.button"])}</button></form>");
        }

        return html.ToString();
    }

    // Steps the stage accepts but this case cannot take are not offered (the decider would refuse them anyway).
    private static bool Fits(CaseStep step, CaseState state) => step.Name switch
    {
        "record-consent" => !state.ConsentToShareWithPartner,
        "request-post-arrival" => state.File?.PartnerId is not null,
        "record-departure" => state.File?.PartnerId is null,
        "reopen" => state.Closure is ClosureReason.Lapsed or ClosureReason.NotTravelled,
        "erase" => state.PersonalDataErasedAt is null,
        _ => true,
    };

    private static string Fields(CaseStep step, CaseState state, Programme programme, Words w, Inputs inputs)
    {
        var help = step.Name switch
        {
            "request-post-arrival" => w.Format("action.request-post-arrival.help",
                state.LatestPostArrivalRequest is { } latest ? CaseWords.Day(latest) : "–", programme.Deadlines.PostArrivalRequestBeforeDeparture.Days),
            "submit-plan" when PlanCaps.For(programme, state.File!) is { } caps => w.Format("action.submit-plan.help", caps.Total, caps.TotalExplanation),
            "record-consent" or "record-departure" or "withdraw" or "reopen" or "erase" => w[$"action.{step.Name}.help"],
            _ => null,
        };
        var fields = new StringBuilder(help is null ? string.Empty : $"<p class=\"muted\">{E(help)}</p>");
        var currency = programme.Currency.ToString();
        switch (step.Name)
        {
            case "book-departure":
                fields.Append(inputs.Input("departure", w["field.departure"], "date", state.Departure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), required: true))
                    .Append(inputs.Input("flight", w["field.flight"], "text", state.Flight));
                break;
            case "request-post-arrival":
                fields.Append(inputs.Checkboxes("services", w["field.services"],
                        Enum.GetValues<PostArrivalService>().Select(s => (Choices.Kebab(s), w.Choice("arrival-service", Choices.Kebab(s))))))
                    .Append(inputs.Input("estimatedValue.amount", w.Format("field.estimatedValue", currency), "number", null, problemOf: "estimatedValue"))
                    .Append(Hidden("estimatedValue.currency", currency))
                    .Append(inputs.TextArea("notes", w["field.notes"]));
                break;
            case "record-departure":
                fields.Append(inputs.Input("departedOn", w["field.departedOn"], "date", state.Departure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), required: true));
                break;
            case "confirm-arrival":
                fields.Append(inputs.Input("arrivedOn", w["field.arrivedOn"], "date", null, required: true));
                break;
            case "submit-plan":
                fields.Append(PlanRows(state, w, inputs, currency));
                break;
            case "close":
                // Completed only once the financial report is in; before that a case ends because the person moved or died.
                ClosureReason[] reasons = state.Stage == CaseStage.FinancialReported ? [ClosureReason.Completed] : [ClosureReason.Moved, ClosureReason.Deceased];
                fields.Append(inputs.Select("reason", w["field.reason"], reasons.Select(r => (Choices.Kebab(r), w.Closure(r)))));
                break;
        }

        return fields.ToString();
    }

    private static string PlanRows(CaseState state, Words w, Inputs inputs, string currency)
    {
        var lines = state.Plan?.Lines ?? [];
        var taken = lines.Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
        var rows = new StringBuilder(inputs.ProblemFor("lines") is { } linesProblem ? $"<p class=\"error\" id=\"lines-error\">{E(linesProblem)}</p>" : string.Empty);
        var categories = Enum.GetValues<ServiceCategory>().Select(c => (Choices.Kebab(c), w.Choice("service", Choices.Kebab(c)))).ToList();
        for (var i = 0; i < lines.Count + BlankPlanRows; i++)
        {
            var line = i < lines.Count ? lines[i] : null;
            var id = line?.LineId ?? Enumerable.Range(i + 1, 100).Select(n => $"line-{n}").First(n => !taken.Contains(n));
            var name = $"lines[{i}]";
            rows.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"line\"><legend>{E(w.Format("field.line", i + 1))}</legend>")
                .Append(Hidden($"{name}.lineId", id))
                .Append(inputs.Select($"{name}.category", w["field.category"], categories, line is null ? null : Choices.Kebab(line.Category), w["field.choose"]))
                .Append(inputs.Input($"{name}.description", w["field.description"], "text", line?.Description))
                .Append(inputs.Input($"{name}.amount.amount", w.Format("field.amount", currency), "number",
                    line?.Amount.Amount.ToString(CultureInfo.InvariantCulture), problemOf: $"{name}.amount"))
                .Append(Hidden($"{name}.amount.currency", currency))
                .Append("</fieldset>");
        }

        return rows.ToString();
    }

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    /// <summary>Inputs with their posted values and problems: a label, the input, and the reason beside it.</summary>
    private sealed class Inputs(ActionFeedback? feedback)
    {
        public string? ProblemFor(string name) => feedback?.ByInput.GetValueOrDefault(name);

        public string Input(string name, string label, string type, string? value, bool required = false, string? problemOf = null)
        {
            var id = Id(name);
            var shown = feedback is null ? value : feedback.Posted[name].ToString();
            var step = type == "number" ? " step=\"0.01\" min=\"0\" inputmode=\"decimal\"" : string.Empty;
            return Label(id, label) + $"<input type=\"{type}\" id=\"{id}\" name=\"{E(name)}\" value=\"{E(shown)}\"{step}{(required ? " required" : string.Empty)}{Invalid(name, problemOf)}>" + Problem(name, problemOf);
        }

        public string TextArea(string name, string label)
        {
            var id = Id(name);
            return Label(id, label) + $"<textarea id=\"{id}\" name=\"{E(name)}\" rows=\"3\" maxlength=\"2000\"{Invalid(name, null)}>{E(feedback?.Posted[name].ToString())}</textarea>" + Problem(name, null);
        }

        public string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? value = null, string? none = null)
        {
            var id = Id(name);
            var chosen = feedback is null ? value : feedback.Posted[name].ToString();
            var empty = none is null ? string.Empty : $"<option value=\"\">{E(none)}</option>";
            var items = string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == chosen ? " selected" : string.Empty)}>{E(o.Text)}</option>"));
            return Label(id, label) + $"<select id=\"{id}\" name=\"{E(name)}\"{Invalid(name, null)}>{empty}{items}</select>" + Problem(name, null);
        }

        public string Checkboxes(string name, string legend, IEnumerable<(string Value, string Text)> options)
        {
            var id = Id(name);
            var posted = feedback?.Posted[name + "[]"].ToArray() ?? [];
            var boxes = string.Concat(options.Select(o =>
                $"<label class=\"check\"><input type=\"checkbox\" name=\"{E(name)}[]\" value=\"{E(o.Value)}\"{(posted.Contains(o.Value) ? " checked" : string.Empty)}> {E(o.Text)}</label>"));
            var problem = ProblemFor(name);
            // Always sent (empty when nothing is ticked), so "no service" is the domain's refusal, not a missing field.
            var always = $"<input type=\"hidden\" name=\"{E(name)}[]\" value=\"\">";
            return $"<fieldset id=\"{id}\"{(problem is null ? string.Empty : $" aria-describedby=\"{id}-error\"")}><legend>{E(legend)}</legend>{always}{boxes}</fieldset>" + Problem(name, null);
        }

        private static string Label(string id, string label) => $"<label for=\"{id}\">{E(label)}</label>";

        private string Invalid(string name, string? problemOf) =>
            (ProblemFor(name) ?? (problemOf is null ? null : ProblemFor(problemOf))) is null ? string.Empty : $" aria-invalid=\"true\" aria-describedby=\"{Id(name)}-error\"";

        private string Problem(string name, string? problemOf) =>
            (ProblemFor(name) ?? (problemOf is null ? null : ProblemFor(problemOf))) is { } problem
                ? $"<p class=\"field-error\" id=\"{Id(name)}-error\">{E(problem)}</p>"
                : string.Empty;

        private static string Id(string name) => "f-" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
    }
}
