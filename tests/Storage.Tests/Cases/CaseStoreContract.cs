using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>One contract for every case store: the in-memory one and the one on Azure Tables (run against Azurite).</summary>
public abstract class CaseStoreContract(ICaseStoresFactory factory)
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    private static CaseCommand.SubmitApplication Intake(string caseId, DateTimeOffset at) => new(
        caseId, $"{caseId}-intake", at, "drc-denmark", new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [new Person("Grace", new DateOnly(2016, 9, 9), Relationship.Child, false)], "UG", "UG", ReturnType.Voluntary, null, true,
        EligibilityFacts.Clean(), null, "note with \"quotes\" and ø");

    private static CaseCommit CommitOf(CaseState before, string? etag, CaseCommand command)
    {
        var decision = Decider.Decide(command, before);
        decision.Rejection.ShouldBeNull();
        var state = before;
        var events = new List<RecordedEvent>();
        foreach (var e in decision.Events)
        {
            state = CaseEvolution.Evolve(state, e);
            events.Add(new RecordedEvent(state.Version, e));
        }

        return new CaseCommit(command.CaseId, etag, state, events, command.CommandId, decision.Effects);
    }

    private (CaseRuntime Runtime, EffectLog Messages, ManualClock Clock, TimerSweep Sweep) RuntimeOn(CaseStores stores, DateTimeOffset start)
    {
        var clock = new ManualClock(start);
        var messages = new EffectLog();
        var runtime = new CaseRuntime(Decider, stores.Cases, new EffectDispatcher(stores.Cases, stores.Timers, messages), clock, stores.Index);
        return (runtime, messages, clock, new TimerSweep(stores.Timers, runtime, clock));
    }

    [Fact]
    public async Task Commit_then_load_returns_the_snapshot_the_events_and_the_processed_command()
    {
        var stores = await factory.CreateAsync(Start);
        var commit = CommitOf(CaseState.Empty("c1"), null, Intake("c1", Start));
        await stores.Cases.CommitAsync(commit, Start);

        var loaded = (await stores.Cases.LoadAsync("c1")).ShouldNotBeNull();
        loaded.State.Stage.ShouldBe(CaseStage.AwaitingDecision);
        loaded.State.File!.CounsellingNote.ShouldBe("note with \"quotes\" and ø");
        loaded.State.File.FamilyMembers.Single().DateOfBirth.ShouldBe(new DateOnly(2016, 9, 9));
        (await stores.Cases.ReadEventsAsync("c1")).Single().Event.ShouldBeOfType<CaseEvent.ApplicationSubmitted>()
            .PreCheck!.Passed.ShouldBeTrue();
        (await stores.Cases.WasProcessedAsync("c1", "c1-intake")).ShouldBeTrue();
        (await stores.Cases.WasProcessedAsync("c1", "other")).ShouldBeFalse();
        (await stores.Cases.LoadAsync("nobody")).ShouldBeNull();
    }

    [Fact]
    public async Task Commit_with_a_stale_etag_fails_and_writes_nothing()
    {
        var stores = await factory.CreateAsync(Start);
        var first = CommitOf(CaseState.Empty("c2"), null, Intake("c2", Start));
        await stores.Cases.CommitAsync(first, Start);
        var loaded = (await stores.Cases.LoadAsync("c2"))!;
        var decide = new CaseCommand.DecideEligibility("c2", "decide", Start, true, null);
        await stores.Cases.CommitAsync(CommitOf(loaded.State, loaded.ETag, decide), Start);

        var stale = CommitOf(loaded.State, loaded.ETag, new CaseCommand.CloseCase("c2", "close", Start, ClosureReason.Withdrawn));
        await Should.ThrowAsync<CaseConcurrencyException>(() => stores.Cases.CommitAsync(stale, Start));
        var again = CommitOf(CaseState.Empty("c2"), null, Intake("c2", Start) with { CommandId = "intake-2" });
        await Should.ThrowAsync<CaseConcurrencyException>(() => stores.Cases.CommitAsync(again, Start));

        (await stores.Cases.ReadEventsAsync("c2")).Count.ShouldBe(2);
        (await stores.Cases.WasProcessedAsync("c2", "close")).ShouldBeFalse();
        (await stores.Cases.LoadAsync("c2"))!.State.Stage.ShouldBe(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public async Task Outbox_rows_stay_until_completed()
    {
        var stores = await factory.CreateAsync(Start);
        var commit = CommitOf(CaseState.Empty("c3"), null, Intake("c3", Start));
        await stores.Cases.CommitAsync(commit, Start);
        var pending = await stores.Cases.PendingEffectsAsync(100);
        pending.Select(p => p.Effect.EffectId).ShouldBe(commit.Effects.Select(e => e.EffectId), ignoreOrder: true);
        pending.First(p => p.Effect is CaseEffect.ScheduleTimer).Effect.ShouldBeOfType<CaseEffect.ScheduleTimer>().Timer.Kind.ShouldBeOneOf(TimerKind.DecisionReminder, TimerKind.DecisionLapse);

        foreach (var effect in commit.Effects)
        {
            await stores.Cases.CompleteEffectAsync("c3", effect.EffectId);
        }

        (await stores.Cases.PendingEffectsAsync(100)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Timer_index_returns_only_due_timers_and_setting_one_twice_keeps_one()
    {
        var stores = await factory.CreateAsync(Start);
        var soon = new CaseTimer("c4", TimerKind.DecisionReminder, 1, Start.AddDays(5));
        var later = new CaseTimer("c4", TimerKind.DecisionLapse, 1, Start.AddDays(14));
        var farAway = new CaseTimer("c5", TimerKind.MonitoringReminder, 12, Start.AddMonths(14));
        foreach (var timer in new[] { soon, soon, later, farAway })
        {
            await stores.Timers.ScheduleAsync(timer);
        }

        (await stores.Timers.DueAsync(Start.AddDays(1), 100)).ShouldBeEmpty();
        (await stores.Timers.DueAsync(Start.AddDays(5), 100)).ShouldBe([soon]);
        (await stores.Timers.DueAsync(Start.AddDays(20), 100)).ShouldBe([soon, later]);
        await stores.Timers.RemoveAsync(soon);
        (await stores.Timers.DueAsync(Start.AddDays(20), 100)).ShouldBe([later]);
        await stores.Timers.RemoveAsync(later);
        (await stores.Timers.DueAsync(Start.AddMonths(14), 100)).ShouldBe([farAway]);
    }

    [Fact]
    public async Task Case_index_filters_and_pages()
    {
        var stores = await factory.CreateAsync(Start);
        var (runtime, _, _, _) = RuntimeOn(stores, Start);
        for (var i = 0; i < 7; i++)
        {
            await runtime.HandleAsync(Intake($"list-{i}", Start) with { CountryOfReturn = i % 2 == 0 ? "UG" : "SO", Nationality = i % 2 == 0 ? "UG" : "SO" });
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await stores.Index.QueryAsync(new CaseFilter(Country: "UG"), 2, next);
            seen.AddRange(page.Cases.Select(c => c.CaseId));
            next = page.Next;
        }
        while (next is not null);

        seen.ShouldBe(["list-0", "list-2", "list-4", "list-6"], ignoreOrder: true);
        var somalia = await stores.Index.QueryAsync(new CaseFilter(PartnerId: "so-partner", Stage: CaseStage.AwaitingDecision), 50, null);
        somalia.Cases.Select(c => c.CaseId).ShouldBe(["list-1", "list-3", "list-5"], ignoreOrder: true);
        somalia.Cases.ShouldAllBe(c => c.NextDeadline == new DateOnly(2026, 11, 16));
    }

    [Fact]
    public async Task Twenty_concurrent_commands_on_one_case_lose_no_update()
    {
        var stores = await factory.CreateAsync(Start);
        var (runtime, _, _, _) = RuntimeOn(stores, Start);
        await runtime.HandleAsync(Intake("busy", Start));
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => runtime.HandleAsync(new CaseCommand.RaiseAlert("busy", $"alert-{i}", Start, AlertKind.EmailBounced, "bounce")))));

        results.ShouldAllBe(r => r.Outcome == CommandOutcome.Accepted);
        (await stores.Cases.LoadAsync("busy"))!.State.Alerts.ShouldBe(20);
        (await stores.Cases.ReadEventsAsync("busy")).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 21).Select(v => (long)v));
    }

    [Fact]
    public async Task Erasing_a_closed_case_rewrites_its_stored_events_and_snapshot()
    {
        var stores = await factory.CreateAsync(Start);
        var (runtime, _, _, _) = RuntimeOn(stores, Start);
        await runtime.HandleAsync(Intake("erase", Start));
        await runtime.HandleAsync(new CaseCommand.CloseCase("erase", "close", Start, ClosureReason.Withdrawn));
        (await runtime.HandleAsync(new CaseCommand.ErasePersonalData("erase", "erase-1", Start))).Rejection.ShouldBeNull();

        var events = await stores.Cases.ReadEventsAsync("erase");
        events.Count.ShouldBe(3);
        var submitted = events[0].Event.ShouldBeOfType<CaseEvent.ApplicationSubmitted>();
        submitted.File.Applicant.Name.ShouldBe(PersonalData.Erased);
        submitted.File.CounsellingNote.ShouldBeNull();
        submitted.File.FamilyMembers.Single().IsMinorOn(submitted.File.SubmittedOn).ShouldBeTrue();
        var snapshot = (await stores.Cases.LoadAsync("erase"))!.State;
        snapshot.File!.Applicant.Name.ShouldBe(PersonalData.Erased);
        snapshot.PersonalDataErasedAt.ShouldBe(Start);
    }

    [Fact]
    public async Task Full_case_runs_twelve_months_on_the_store_with_every_reminder_on_its_date()
    {
        var stores = await factory.CreateAsync(Start);
        var (runtime, messages, clock, sweep) = RuntimeOn(stores, Start);
        async Task Do(CaseCommand command) => (await runtime.HandleAsync(command)).Rejection.ShouldBeNull(command.GetType().Name);
        async Task DaysAsync(int days)
        {
            for (var d = 0; d < days; d++)
            {
                clock.Advance(TimeSpan.FromDays(1));
                await sweep.RunAsync();
            }
        }

        await Do(Intake("full", clock.GetUtcNow()));
        await DaysAsync(6);
        await Do(new CaseCommand.DecideEligibility("full", "decide", clock.GetUtcNow(), true, null));
        await Do(new CaseCommand.BookDeparture("full", "book", clock.GetUtcNow(), new DateOnly(2026, 12, 10), null));
        await DaysAsync(20);
        await Do(new CaseCommand.RequestPostArrival("full", "pa", clock.GetUtcNow(), [PostArrivalService.AirportPickup], null, null));
        await DaysAsync(13);
        await Do(new CaseCommand.ConfirmArrival("full", "arrive", clock.GetUtcNow(), new DateOnly(2026, 12, 10)));

        // With an approved plan: a case left without one is closed as no-plan after the programme's days.
        var line = new BudgetLine("shop", ServiceCategory.SmallBusiness, "shop", new Money(1000m, Currency.DKK));
        await Do(new CaseCommand.SubmitPlan("full", "plan", clock.GetUtcNow(), [line]));
        await Do(new CaseCommand.ApprovePlan("full", "approve", clock.GetUtcNow(), 1, null));
        await DaysAsync(380);

        var reminders = (await stores.Cases.ReadEventsAsync("full")).Select(e => e.Event).OfType<CaseEvent.ReminderSent>()
            .Where(e => e.Kind == TimerKind.MonitoringReminder).Select(e => DateOnly.FromDateTime(e.SentAt.UtcDateTime)).ToList();
        reminders.ShouldBe(Enumerable.Range(1, 12).Select(m => new DateOnly(2026, 12, 10).AddMonths(m)));
        messages.Sent.OfType<CaseEffect.NotifyPartner>().Count(n => n.Notice == PartnerNotice.MonitoringReportDue).ShouldBe(12);
        (await stores.Cases.PendingEffectsAsync(100)).ShouldBeEmpty();
        (await stores.Timers.DueAsync(clock.GetUtcNow(), 100)).ShouldBeEmpty();
    }
}

public sealed class InMemoryCaseStoreContract() : CaseStoreContract(new InMemoryStores());

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteCaseStoreContract(AzuriteFixture azurite) : CaseStoreContract(new AzuriteStores(azurite));
