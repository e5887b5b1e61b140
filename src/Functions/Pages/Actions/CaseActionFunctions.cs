using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages.Actions;

/// <summary>
/// A step taken from the case page (<see cref="CaseActionForms"/>): signed in, antiforgery checked, the step's roles,
/// the case visible to the person; the form read as the API's JSON and made into the command by the same
/// <see cref="CaseStep"/> the API uses, so the same things are refused. Done (or a repeat of the same form): 303 back
/// to the case page, which says so. Refused: the case page again with the posted values and the reason beside the
/// field at fault (422 for what the form says, 409 for what the case refuses), nothing changed.
/// </summary>
public sealed partial class CaseActionFunctions
{
    /// <summary>The hidden field holding the form's id, which is the command's id: a second press is a duplicate.</summary>
    public const string FormIdField = "form";

    /// <summary>The most a step's form holds (a plan of 50 lines is well under it).</summary>
    public const int MaxFormBytes = 64 * 1024;

    private static readonly HashSet<string> Carried = ["lineId", "currency"];
    private static readonly HashSet<string> Numbers = ["amount"];

    [GeneratedRegex("^[a-f0-9]{32}$")]
    private static partial Regex FormId();

    // The inputs the forms show; a problem with any other field is said for the step as a whole.
    [GeneratedRegex(@"^(departure|flight|services|estimatedValue(\.amount)?|notes|departedOn|arrivedOn|reason|lines(\[\d{1,2}\]\.(category|description|amount(\.amount)?))?)$")]
    private static partial Regex ShownInput();

    [Function("CaseAction")]
    public async Task<IResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pages/cases/{caseId}/actions/{step}")] HttpRequest request,
        string caseId, string step, [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (await Access.PersonAsync(http) is { } signIn)
        {
            return signIn;
        }

        var services = http.RequestServices;
        var w = OfficeTexts.For(http);
        IResult Refused(string key, int status) => Page(http, w, w["actions.title"], $"<p class=\"error\" role=\"alert\">{E(w[key])}</p>", status, OfficeNavigation.Of(http, w));
        if (request.ContentLength is null or > MaxFormBytes)
        {
            return Refused("actions.too-large", StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            return Refused("actions.not-a-form", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!await FormRequests.AntiforgeryValidAsync(http))
        {
            return Refused("actions.expired", StatusCodes.Status400BadRequest);
        }

        var taken = CaseSteps.Named(step);
        if (taken is not null && !Caller.Is(http.User, taken.Roles))
        {
            return Refused("actions.forbidden", StatusCodes.Status403Forbidden);
        }

        var store = services.GetRequiredService<ICaseReadModel>();
        if (taken is null || !CaseIds.IsValid(caseId) || await store.ReadAsync(caseId, http.RequestAborted) is not { } stored
            || !CaseAccess.CanSee(http.User, stored))
        {
            return Page(http, w, w.Format("case.title", caseId), $"<p class=\"error\">{E(w.Format("case.title", caseId))}: 404</p>", StatusCodes.Status404NotFound, OfficeNavigation.Of(http, w));
        }

        if (await FormRequests.ReadAsync(request) is not { } form)
        {
            return Refused("actions.expired", StatusCodes.Status400BadRequest);
        }

        var formId = form[FormIdField].ToString() is { } posted && FormId().IsMatch(posted) ? posted : Guid.NewGuid().ToString("N");
        var context = new CommandContext(caseId, $"page:{Caller.IdOf(http.User)}:{formId}", services.GetRequiredService<TimeProvider>().GetUtcNow());
        var ignored = new HashSet<string>(StringComparer.Ordinal) { services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.FormFieldName, FormIdField };
        var converted = FormJson.From(form, ignored, Carried, Numbers);
        var fields = new Fields(converted.Root);
        var command = taken.Build(fields, context);
        if (!fields.Ok || command is null)
        {
            var byInput = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var problem in fields.Problems)
            {
                byInput.TryAdd(converted.InputOf(problem.Field), w[ProblemKey(problem.Fault)]);
            }

            return await ShowAgainAsync(http, caseId, new ActionFeedback(taken.Name, byInput, Overall(byInput, w), form), StatusCodes.Status422UnprocessableEntity);
        }

        var result = await services.GetRequiredService<ICaseCommandsSource>().For(client).HandleAsync(command, stored, http.RequestAborted);
        if (result.Rejection is { } rejection)
        {
            var said = w.Language == PageLanguage.Fallback || !w.Has($"refusal.{rejection.Code}") ? rejection.Message : w[$"refusal.{rejection.Code}"];
            var byInput = new Dictionary<string, string>(StringComparer.Ordinal);
            if (rejection.Field is { } field)
            {
                byInput[converted.InputOf(field)] = said;
            }

            var overall = Overall(byInput, w) ?? (byInput.Count == 0 ? said : null);
            return await ShowAgainAsync(http, caseId, new ActionFeedback(taken.Name, byInput, overall, form),
                rejection.Code == "case-not-found" ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }

        var done = result.Outcome switch { CommandOutcome.Pending => "pending", CommandOutcome.Duplicate => "duplicate", _ => taken.Name };
        return Results.Redirect($"{http.Request.PathBase}/pages/cases/{caseId}?lang={w.Language}&done={done}#steps");
    }

    private static Task<IResult> ShowAgainAsync(HttpContext http, string caseId, ActionFeedback feedback, int status)
    {
        var services = http.RequestServices;
        return CasePage.ShowAsync(
            http, caseId, services.GetRequiredService<ICaseReadModel>(), services.GetRequiredService<ProgrammeCatalog>(),
            services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>(), feedback, status);
    }

    // What the form shows beside no input (a hidden id, a currency) is said for the whole step.
    private static string? Overall(IDictionary<string, string> byInput, Words w)
    {
        var hidden = byInput.Where(p => !ShownInput().IsMatch(p.Key)).ToList();
        foreach (var (input, _) in hidden)
        {
            byInput.Remove(input);
        }

        return hidden.Count == 0 ? null : string.Join(" ", hidden.Select(p => p.Value).Distinct());
    }

    private static string ProblemKey(FieldFault fault) => fault switch
    {
        FieldFault.Missing => "problem.required",
        FieldFault.NotADate => "problem.date",
        FieldFault.NotAnAmount => "problem.amount",
        FieldFault.NotAChoice => "problem.choice",
        FieldFault.TooLong => "problem.length",
        _ => "problem.invalid",
    };
}
