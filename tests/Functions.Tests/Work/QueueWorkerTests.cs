using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Tests.Support;
using Reintegration.Functions.Work;

namespace Reintegration.Functions.Tests.Work;

[Collection(AzuriteAppCollection.Name)]
public sealed class QueueWorkerTests(AzuriteApp azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Message_that_keeps_failing_goes_to_the_poison_queue_raises_an_alert_and_stalls_nothing_else()
    {
        var clock = new ManualClock(Start);
        var store = new FailingReminderStore();
        var runtime = new CaseRuntime(new CaseDecider(ProgrammeCatalog.Shipped()), store, new EffectDispatcher(store, new InMemoryTimerIndex(), new EffectLog()), clock);
        foreach (var id in new[] { "poisoned", "healthy" })
        {
            (await runtime.HandleAsync(new CaseCommand.SubmitApplication(id, $"{id}-intake", Start, "drc-denmark", new Person("A", new DateOnly(1990, 1, 1), Relationship.Applicant, false), [],
                "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null))).Rejection.ShouldBeNull();
        }

        var name = "q-" + Guid.NewGuid().ToString("N")[..12];
        var queue = azurite.Azurite.Account.Queue(name);
        var poison = azurite.Azurite.Account.Queue(name + "-poison");
        await queue.CreateIfNotExistsAsync();
        var worker = new QueueWorker(queue, poison, new CaseWorkProcessor(runtime, clock, NullLogger<CaseWorkProcessor>.Instance), _ => TimeSpan.Zero);
        clock.Advance(TimeSpan.FromDays(6));
        store.FailCase = "poisoned";
        foreach (var id in new[] { "poisoned", "healthy" })
        {
            var timer = new CaseTimer(id, TimerKind.DecisionReminder, 1, Start.AddDays(5));
            await queue.SendMessageAsync(CaseWorkProcessor.Serialize(new CaseCommand.FireTimer(id, $"timer:{timer.TimerId}", clock.GetUtcNow(), timer)));
        }

        for (var round = 0; round < QueueWorker.MaxDequeueCount + 2; round++)
        {
            await worker.DrainAsync();
        }

        (await store.LoadAsync("healthy"))!.State.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
        var poisoned = (await store.LoadAsync("poisoned"))!.State;
        poisoned.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeFalse();
        poisoned.Alerts.ShouldBe(1);
        (await store.ReadEventsAsync("poisoned")).Select(e => e.Event).OfType<CaseEvent.AlertRaised>().Single().Kind.ShouldBe(AlertKind.ProcessingFailed);
        (await queue.PeekMessagesAsync(32)).Value.ShouldBeEmpty();
        (await poison.PeekMessagesAsync(32)).Value.Length.ShouldBe(1);
    }

    /// <summary>Fails every commit that sends a reminder on one case, as a broken dependency would.</summary>
    private sealed class FailingReminderStore : ICaseStore
    {
        private readonly InMemoryCaseStore inner = new();

        public string? FailCase { get; set; }

        public Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default) => inner.LoadAsync(caseId, cancellationToken);

        public Task<bool> WasProcessedAsync(string caseId, string commandId, CancellationToken cancellationToken = default) => inner.WasProcessedAsync(caseId, commandId, cancellationToken);

        public Task<string> CommitAsync(CaseCommit commit, DateTimeOffset committedAt, CancellationToken cancellationToken = default) =>
            commit.CaseId == FailCase && commit.Events.Any(e => e.Event is CaseEvent.ReminderSent)
                ? throw new IOException("storage unavailable for this case")
                : inner.CommitAsync(commit, committedAt, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<PendingEffect>> PendingEffectsAsync(int max, CancellationToken cancellationToken = default) => inner.PendingEffectsAsync(max, cancellationToken);

        public Task CompleteEffectAsync(string caseId, string effectId, CancellationToken cancellationToken = default) => inner.CompleteEffectAsync(caseId, effectId, cancellationToken);

        public Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default) => inner.RedactHistoryAsync(caseId, redact, cancellationToken);
    }
}
