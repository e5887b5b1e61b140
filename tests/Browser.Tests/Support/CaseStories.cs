using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;

namespace Reintegration.Browser.Tests.Support;

/// <summary>Cases brought to a stage straight through the runtime, at the app's dev clock, as intake and the API would.</summary>
public static class CaseStories
{
    public static async Task<DateOnly> ArrivedAsync(this LiveApp app, string caseId, string country = "UG")
    {
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await app.DoAsync(new CaseCommand.SubmitApplication(caseId, $"{caseId}-intake", now, "drc-denmark",
            new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [new Person("Grace Test", new DateOnly(2016, 9, 9), Relationship.Child, false)],
            country, country, ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, "Confidential: counselling note"));
        await app.DoAsync(new CaseCommand.DecideEligibility(caseId, $"{caseId}-decide", now, true, null));
        await app.DoAsync(new CaseCommand.BookDeparture(caseId, $"{caseId}-book", now, today, "TK 1234"));
        await app.DoAsync(new CaseCommand.ConfirmArrival(caseId, $"{caseId}-arrive", now, today));
        return today;
    }

    public static async Task PlanWaitingForApprovalAsync(this LiveApp app, string caseId)
    {
        await app.ArrivedAsync(caseId);
        await app.DoAsync(new CaseCommand.SubmitPlan(caseId, $"{caseId}-plan", app.Clock.GetUtcNow(),
        [
            new BudgetLine("school", ServiceCategory.Education, "School fees for Grace", new Money(8000m, Currency.DKK)),
            new BudgetLine("shop", ServiceCategory.SmallBusiness, "Market stall and first stock", new Money(12000m, Currency.DKK)),
        ]));
    }

    public static async Task DoAsync(this LiveApp app, CaseCommand command)
    {
        var result = await app.Get<ICaseCommands>().HandleAsync(command, null);
        result.Rejection.ShouldBeNull();
    }

    public static async Task<CaseState> StateAsync(this LiveApp app, string caseId) => (await app.Get<ICaseReadModel>().ReadAsync(caseId))!;
}

/// <summary>Moves the app's dev clock the way a person would: POST /dev/clock/advance, which ticks every case.</summary>
public static class DevClockSteps
{
    public static async Task AdvanceToAsync(this LiveApp app, Microsoft.Playwright.IPage page, DateOnly day)
    {
        var days = day.DayNumber - DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).DayNumber;
        if (days > 0)
        {
            (await page.Context.APIRequest.PostAsync($"/dev/clock/advance?days={days}")).Status.ShouldBe(200);
        }
    }
}
