using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Security;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Functions.Api;

/// <summary>
/// A workflow step a person takes: its name (the case page's action, kebab-case), the command it makes, the roles
/// that may take it, and how its fields (JSON from the API, the form on the case page turned into the same JSON)
/// make the command. The API and the case page take the very same steps, so they refuse the same things.
/// </summary>
public sealed record CaseStep(string Name, string Command, Role[] Roles, bool HasFields, Func<Fields, CommandContext, CaseCommand?> Build);

/// <summary>The steps people take on a case, shared by <see cref="CaseCommandFunctions"/> and the case page's forms.</summary>
public static class CaseSteps
{
    private static readonly Role[] Counsellor = [Role.Counsellor];

    public static readonly CaseStep ReopenCase = new("reopen", nameof(CaseCommand.ReopenCase), Counsellor, false, (_, c) =>
        new ReopenCase(c.CaseId, c.CommandId, c.At));

    public static readonly CaseStep RecordConsent = new("record-consent", nameof(CaseCommand.RecordConsent), Counsellor, false, (_, c) =>
        new RecordConsent(c.CaseId, c.CommandId, c.At));

    public static readonly CaseStep BookDeparture = new("book-departure", nameof(CaseCommand.BookDeparture), Counsellor, true, (f, c) =>
    {
        var departure = f.Date("departure");
        var flight = f.Text("flight", required: false, maxLength: 40);
        return departure is null ? null : new BookDeparture(c.CaseId, c.CommandId, c.At, departure.Value, flight);
    });

    public static readonly CaseStep CancelDeparture = new("cancel-departure", nameof(CaseCommand.CancelDeparture), Counsellor, false, (_, c) =>
        new CancelDeparture(c.CaseId, c.CommandId, c.At));

    public static readonly CaseStep RequestPostArrival = new("request-post-arrival", nameof(CaseCommand.RequestPostArrival), Counsellor, true, (f, c) =>
    {
        var services = f.ChoiceList<PostArrivalService>("services", 6);
        var value = f.Amount("estimatedValue", required: false);
        var notes = f.Text("notes", required: false, maxLength: 2000);
        return f.Ok ? new RequestPostArrival(c.CaseId, c.CommandId, c.At, services, value, notes) : null;
    });

    public static readonly CaseStep RecordDeparture = new("record-departure", nameof(CaseCommand.RecordDeparture), [Role.Agency], true, (f, c) =>
        f.Date("departedOn") is { } on ? new RecordDeparture(c.CaseId, c.CommandId, c.At, on) : null);

    public static readonly CaseStep ConfirmArrival = new("confirm-arrival", nameof(CaseCommand.ConfirmArrival), [Role.Partner], true, (f, c) =>
        f.Date("arrivedOn") is { } on ? new ConfirmArrival(c.CaseId, c.CommandId, c.At, on) : null);

    public static readonly CaseStep SubmitPlan = new("submit-plan", nameof(CaseCommand.SubmitPlan), [Role.Counsellor, Role.Partner], true, (f, c) =>
    {
        var lines = f.List("lines", 50, l =>
        {
            var id = l.Text("lineId", maxLength: 40);
            var category = l.Choice<ServiceCategory>("category");
            var description = l.Text("description", maxLength: 500);
            var amount = l.Amount("amount");
            return id is null || category is null || description is null || amount is null ? null : new BudgetLine(id, category.Value, description, amount.Value);
        });
        return f.Ok ? new SubmitPlan(c.CaseId, c.CommandId, c.At, lines) : null;
    });

    public static readonly CaseStep Withdraw = new("withdraw", nameof(CaseCommand.CloseCase), Counsellor, false, (_, c) =>
        new CloseCase(c.CaseId, c.CommandId, c.At, ClosureReason.Withdrawn));

    public static readonly CaseStep Close = new("close", nameof(CaseCommand.CloseCase), [Role.Counsellor, Role.Agency, Role.ProgrammeOfficer], true, (f, c) =>
        f.Choice<ClosureReason>("reason") is { } reason ? new CloseCase(c.CaseId, c.CommandId, c.At, reason) : null);

    public static readonly CaseStep Erase = new("erase", nameof(CaseCommand.ErasePersonalData), [Role.Counsellor, Role.ProgrammeOfficer], false, (_, c) =>
        new ErasePersonalData(c.CaseId, c.CommandId, c.At));

    /// <summary>The steps the case page offers, in the order a case meets them.</summary>
    public static readonly IReadOnlyList<CaseStep> OnCasePage =
        [RecordConsent, BookDeparture, RequestPostArrival, CancelDeparture, RecordDeparture, ConfirmArrival, SubmitPlan, Withdraw, Close, ReopenCase, Erase];

    public static CaseStep? Named(string name) => OnCasePage.FirstOrDefault(s => s.Name == name);
}
