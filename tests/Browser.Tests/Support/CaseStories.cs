using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Browser.Tests.Support;

/// <summary>Cases brought to a stage straight through the runtime, at the app's dev clock, as intake and the API would.</summary>
public static class CaseStories
{
    public static async Task EligibleAsync(this LiveApp app, string caseId, string country = "UG")
    {
        var now = app.Clock.GetUtcNow();
        await app.DoAsync(new CaseCommand.SubmitApplication(caseId, $"{caseId}-intake", now, "drc-denmark",
            new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [new Person("Grace Test", new DateOnly(2016, 9, 9), Relationship.Child, false)],
            country, country, ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, "Confidential: counselling note"));
        await app.DoAsync(new CaseCommand.DecideEligibility(caseId, $"{caseId}-decide", now, true, null));
    }

    public static async Task<DateOnly> ArrivedAsync(this LiveApp app, string caseId, string country = "UG")
    {
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await app.EligibleAsync(caseId, country);
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
        var answer = result.Outcome == CommandOutcome.Pending
            // The edge's bounded wait ran out (CI runs the suites side by side on two cores): the story waits on for
            // the orchestration's own answer, as a user would reload the case page, instead of racing ahead of it.
            ? await app.AnswerAsync(command.CaseId, command.CommandId)
            : (result.Outcome, result.Rejection);
        if (answer.Outcome == CommandOutcome.Pending || answer.Rejection is not null)
        {
            // Read the task hub only when the story goes wrong, to say what it holds.
            var described = await app.DescribeAsync(command.CaseId);
            answer.Outcome.ShouldNotBe(CommandOutcome.Pending, described);
            answer.Rejection.ShouldBeNull(described);
        }
    }

    /// <summary>The orchestration's published answer to a command once the read model has it, waited for up to two minutes.</summary>
    private static async Task<(CommandOutcome Outcome, Rejection? Rejection)> AnswerAsync(this LiveApp app, string caseId, string commandId)
    {
        var orchestrations = app.Get<ICaseOrchestrations>();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!bound.IsCancellationRequested)
        {
            var published = (await orchestrations.GetAsync(caseId)).Published;
            if (published?.AnswerTo(commandId) is { } answer && published.ProjectedVersion >= answer.Version)
            {
                return (answer.Outcome, answer.Rejection);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        return (CommandOutcome.Pending, null);
    }

    /// <summary>What the task hub holds for the case, for a failure message.</summary>
    private static async Task<string> DescribeAsync(this LiveApp app, string caseId)
    {
        var instance = await app.Get<ICaseOrchestrations>().GetAsync(caseId);
        return $"instance {caseId}: {instance.Status}, updated {instance.LastUpdated:O}, failure {instance.Failure ?? "none"}, " +
            $"version {instance.Published?.Version} projected {instance.Published?.ProjectedVersion}, answers {instance.Published?.Answers.Count}";
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
