using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Development (<c>Demo:Seed=true</c>): two demo cases a newcomer can click through from the dev outbox — one waiting
/// for the agency's decision, one whose reintegration plan waits for approval.
/// </summary>
public sealed class DemoSeed(IServiceProvider services, IConfiguration config) : IHostedService
{
    public const string WaitingForDecision = "DEMO-DRC-UGANDA";
    public const string WaitingForPlanApproval = "DEMO-EURP-SENEGAL";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!config.GetValue<bool>("Demo:Seed"))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var story in Stories(now))
        {
            await TellAsync(story, cancellationToken);
        }
    }

    // Told at once, folded into one generation: a backdated command sent alone would meet timers the real-time
    // wake-up had already fired.
    private async Task TellAsync(IReadOnlyList<CaseCommand> story, CancellationToken cancellationToken)
    {
        // Resolved only now: the configuration check runs first and names every missing setting.
        if (await services.GetRequiredService<ICaseCommands>().TellAsync(story, cancellationToken) is { } refused)
        {
            throw new InvalidOperationException($"Demo seed {story[0].CaseId} refused: {refused.Message}");
        }
    }

    private static IEnumerable<IReadOnlyList<CaseCommand>> Stories(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        yield return
        [
            new CaseCommand.SubmitApplication(WaitingForDecision, "demo-1", now, "drc-denmark",
                new Person("Amina Demo", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
                [
                    new Person("Joseph Demo", new DateOnly(1986, 4, 2), Relationship.Spouse, false),
                    new Person("Grace Demo", new DateOnly(2016, 9, 9), Relationship.Child, false),
                ],
                "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean() with { Conviction = Conviction.Minor },
                "en", "Demo counselling note (counsellor only)."),
        ];

        // The second case's story started 13 days ago (commands carry their own time): inside the 14 days a link stays
        // valid, so every link its e-mails carry still opens when the demo starts.
        const string id = WaitingForPlanApproval;
        var start = now.AddDays(-13);
        var departure = today.AddDays(-6);
        yield return
        [
            new CaseCommand.SubmitApplication(id, "demo-2", start, "eu-eurp",
                new Person("Moussa Demo", new DateOnly(1988, 1, 20), Relationship.Applicant, false),
                [new Person("Awa Demo", new DateOnly(2015, 5, 5), Relationship.Child, false)],
                "SN", "SN", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), "en", null),
            new CaseCommand.DecideEligibility(id, "demo-3", start.AddHours(2), true, null),
            new CaseCommand.BookDeparture(id, "demo-4", start.AddDays(1), departure, "AF 718"),
            new CaseCommand.RequestPostArrival(id, "demo-5", start.AddDays(1).AddHours(1),
                [PostArrivalService.AirportPickup, PostArrivalService.OnwardTransport], new Money(1200m, Currency.EUR), null),
            new CaseCommand.ConfirmArrival(id, "demo-6", now.AddDays(-5), departure),
            new CaseCommand.SubmitPlan(id, "demo-7", now,
            [
                new BudgetLine("school", ServiceCategory.Education, "School fees for Awa", new Money(1200m, Currency.EUR)),
                new BudgetLine("shop", ServiceCategory.SmallBusiness, "Market stall", new Money(1600m, Currency.EUR)),
            ]),
        ];
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
