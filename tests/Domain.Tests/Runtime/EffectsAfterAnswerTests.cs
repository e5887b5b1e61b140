using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Runtime;

public class EffectsAfterAnswerTests
{
    [Fact]
    public async Task Command_answers_after_its_commit_and_its_effects_follow_from_the_outbox()
    {
        var clock = new ManualClock(Day0);
        var store = new InMemoryCaseStore();
        var timers = new InMemoryTimerIndex();
        var gate = new GatedSender();
        var runtime = new CaseRuntime(CaseSpec.Decider, store, new EffectDispatcher(store, timers, gate), clock) { RunEffectsInBackground = true };

        var result = await runtime.HandleAsync(Drc());

        // Answered while the e-mail is still held at the gate: the commit, with its outbox, came first.
        result.Outcome.ShouldBe(CommandOutcome.Accepted);
        (await store.PendingEffectsAsync(10)).ShouldContain(p => p.Effect is CaseEffect.SendEmail);
        gate.Open();
        (await gate.Sent.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeOfType<CaseEffect.SendEmail>();
        await gate.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class GatedSender : IMessageSender
    {
        private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<CaseEffect> Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => open.TrySetResult();

        public async Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
        {
            await open.Task;
            Sent.TrySetResult(effect);
            Done.TrySetResult();
        }
    }
}
