using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using CommandOutcome = Reintegration.Domain.Runtime.CommandOutcome;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Generations;

/// <summary>An operator's actions on a case's stuck work: retry now, skip one effect; refused by name when moot.</summary>
public sealed class CaseOperationTests
{
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    private static (CaseGeneration Generation, PendingEffect Failing, DateTimeOffset At) FailingOnce()
    {
        var applied = CaseGeneration.Start("case-1").Receive(Decider, CaseMessage.Of(Drc("case-1")));
        var at = Day0.AddMinutes(1);
        var failed = applied.Failed(applied.Pending[0], at, "SendGridUnavailable");
        return (failed, failed.Pending[0], at);
    }

    [Fact]
    public void Given_an_effect_failing_When_the_operator_retries_now_Then_it_runs_in_the_next_generation()
    {
        var (generation, failing, at) = FailingOnce();
        failing.RetryAt.ShouldBe(at.AddMinutes(5));
        failing.LastError.ShouldBe("SendGridUnavailable");

        var retried = generation.Receive(Decider, CaseMessage.Of(new CaseOperation("op-1", OperationKind.RetryNow), at.AddMinutes(1)));

        retried.Answers[^1].ShouldBe(new CommandAnswer("op-1", CommandOutcome.Accepted, generation.State.Stage, generation.State.Version, null));
        retried.Runnable(at.AddMinutes(1)).Select(p => p.Effect.EffectId).ShouldContain(failing.Effect.EffectId);
        retried.State.ShouldBe(generation.State);
    }

    [Fact]
    public void Given_an_effect_failing_When_the_operator_skips_it_Then_it_leaves_the_case_and_the_rest_stays()
    {
        var (generation, failing, at) = FailingOnce();

        var skipped = generation.Receive(Decider,
            CaseMessage.Of(new CaseOperation("op-2", OperationKind.SkipEffect, failing.Effect.EffectId), at.AddMinutes(1)));

        skipped.Answers[^1].Outcome.ShouldBe(CommandOutcome.Accepted);
        skipped.Pending.ShouldNotContain(p => p.Effect.EffectId == failing.Effect.EffectId);
        skipped.Pending.Count.ShouldBe(generation.Pending.Count - 1);
        skipped.Timers.ShouldBe(generation.Timers);
    }

    [Fact]
    public void Given_an_erasure_pending_When_the_operator_skips_it_Then_it_is_refused_by_name_and_stays()
    {
        var refusedCase = CaseGeneration.Start("case-1").Receive(Decider, CaseMessage.Of(Drc("case-1")))
            .Receive(Decider, CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide", Day0.AddDays(1), false, "Not returning")));
        var erasing = refusedCase.Receive(Decider, CaseMessage.Of(new CaseCommand.ErasePersonalData("case-1", "erase", Day0.AddDays(2))));
        var erasure = erasing.Pending.Single(p => p.Effect is CaseEffect.ErasePersonalHistory);

        var refused = erasing.Receive(Decider,
            CaseMessage.Of(new CaseOperation("op-5", OperationKind.SkipEffect, erasure.Effect.EffectId), Day0.AddDays(2)));

        refused.Answers[^1].Outcome.ShouldBe(CommandOutcome.Rejected);
        refused.Answers[^1].Rejection!.Code.ShouldBe("effect-not-skippable");
        refused.Pending.ShouldContain(erasure);
        refused.IsFinished.ShouldBeFalse();
    }

    [Fact]
    public void Given_nothing_failing_When_the_operator_retries_Then_it_is_refused_by_name_and_nothing_changes()
    {
        var applied = CaseGeneration.Start("case-1").Receive(Decider, CaseMessage.Of(Drc("case-1")));

        var refused = applied.Receive(Decider, CaseMessage.Of(new CaseOperation("op-3", OperationKind.RetryNow), Day0));

        refused.Answers[^1].Rejection!.Code.ShouldBe("effect-not-pending");
        refused.Pending.ShouldBe(applied.Pending);
    }

    [Fact]
    public void Given_an_effect_that_ran_When_the_operator_skips_it_Then_it_is_refused_by_name()
    {
        var (generation, failing, at) = FailingOnce();
        var done = generation.Done(failing);

        var refused = done.Receive(Decider,
            CaseMessage.Of(new CaseOperation("op-4", OperationKind.SkipEffect, failing.Effect.EffectId), at));

        refused.Answers[^1].Rejection!.Code.ShouldBe("effect-not-pending");
        refused.Pending.ShouldBe(done.Pending);
    }

    [Fact]
    public void Given_a_reminder_due_When_an_operation_stamped_after_it_arrives_Then_the_reminder_fires_first()
    {
        var (generation, _, _) = FailingOnce();
        var reminder = generation.Timers.OrderBy(t => t.DueAt).First();

        var next = generation.Receive(Decider, CaseMessage.Of(new CaseOperation("op-5", OperationKind.RetryNow), reminder.DueAt.AddHours(1)));

        next.Answers.Select(a => a.CommandId).ShouldContain($"timer:{reminder.TimerId}");
        next.Answers[^1].CommandId.ShouldBe("op-5");
    }
}
