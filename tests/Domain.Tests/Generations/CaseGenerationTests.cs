using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Generations;

/// <summary>The pure half of the case orchestration: what one generation decides from a message, with time as data.</summary>
public sealed class CaseGenerationTests
{
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    private static CaseGeneration Applied(string caseId = "case-1") =>
        CaseGeneration.Start(caseId).Receive(Decider, CaseMessage.Of(Drc(caseId)));

    [Fact]
    public void Given_a_command_the_rules_cannot_decide_When_it_arrives_Then_it_is_refused_by_name_and_the_case_goes_on_as_it_was()
    {
        // The edge now refuses such a date; the domain does not check it, and its wait arithmetic threw, which left the
        // orchestration Failed.
        var eligible = Applied().Receive(Decider, CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide", Day0.AddDays(1), true, null)));

        var refused = eligible.Receive(Decider,
            CaseMessage.Of(new CaseCommand.BookDeparture("case-1", "book", Day0.AddDays(2), DateOnly.MaxValue, null)));

        refused.Answers[^1].Outcome.ShouldBe(CommandOutcome.Rejected);
        refused.Answers[^1].Rejection!.Code.ShouldBe("command-not-decidable");
        (refused.State, refused.Timers, refused.Pending, refused.Processed).ShouldBe((eligible.State, eligible.Timers, eligible.Pending, eligible.Processed));
        var booked = refused.Receive(Decider,
            CaseMessage.Of(new CaseCommand.BookDeparture("case-1", "book", Day0.AddDays(2), DateOnly.FromDateTime(Day0.AddDays(30).UtcDateTime), null)));
        booked.State.Stage.ShouldBe(CaseStage.DepartureBooked);
    }

    [Fact]
    public void Given_a_new_case_When_the_application_arrives_Then_it_is_accepted_its_timers_are_kept_and_its_effects_wait_to_run()
    {
        var generation = Applied();

        generation.Answers.ShouldHaveSingleItem().Outcome.ShouldBe(CommandOutcome.Accepted);
        generation.State.Stage.ShouldBe(CaseStage.AwaitingDecision);
        generation.Timers.Select(t => t.Kind).ShouldBe(
            [TimerKind.DecisionReminder, TimerKind.DecisionEscalation, TimerKind.DecisionLapse], ignoreOrder: true);
        generation.Pending.ShouldNotBeEmpty();
        generation.Pending.Any(p => p.Effect is CaseEffect.ScheduleTimer).ShouldBeFalse();
        generation.Unprojected.Select(e => e.Version).ShouldBe([1]);
        generation.WakeAt.ShouldBe(generation.Timers.Min(t => t.DueAt));
    }

    [Fact]
    public void Given_a_handled_command_When_the_same_id_arrives_again_Then_it_is_a_duplicate_and_nothing_changes()
    {
        var generation = Applied();

        var again = generation.Receive(Decider, CaseMessage.Of(Drc()));

        again.Answers[^1].Outcome.ShouldBe(CommandOutcome.Duplicate);
        again.State.ShouldBe(generation.State);
        again.Pending.ShouldBe(generation.Pending);
    }

    [Fact]
    public void Given_a_message_answered_When_a_copy_of_it_arrives_Then_nothing_is_decided_and_its_answer_stays_accepted()
    {
        var refused = new CaseCommand.RecordDeparture("case-1", "depart-early", Day0.AddDays(1), DateOnly.FromDateTime(Day0.AddDays(1).UtcDateTime));
        var generation = Applied().Receive(Decider, CaseMessage.Of(refused) with { MessageId = "m-1" });
        var decide = CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide-1", Day0.AddDays(2), true, null)) with { MessageId = "m-2" };
        var decided = generation.Receive(Decider, decide);

        var copies = decided.Receive(Decider, decide).Receive(Decider, CaseMessage.Of(refused) with { MessageId = "m-1" });

        copies.ShouldBe(decided);
        copies.Answers.Single(a => a.MessageId == "m-2").Outcome.ShouldBe(CommandOutcome.Accepted);
        copies.Answers.Single(a => a.MessageId == "m-1").Outcome.ShouldBe(CommandOutcome.Rejected);
    }

    [Fact]
    public void Given_an_operators_action_answered_When_a_copy_of_it_arrives_Then_nothing_more_happens()
    {
        var skip = CaseMessage.Of(new CaseOperation("op-1", OperationKind.SkipEffect, "no-such-effect"), Day0.AddDays(1)) with { MessageId = "o-1" };
        var operated = Applied().Receive(Decider, skip);

        var copy = operated.Receive(Decider, skip);

        copy.ShouldBe(operated);
        copy.Answers.Single(a => a.MessageId == "o-1").CommandId.ShouldBe("op-1");
    }

    [Fact]
    public void Given_a_tick_answered_When_a_copy_with_an_older_clock_offset_arrives_Then_the_offset_stays()
    {
        var tick = CaseMessage.Tick(Day0.AddDays(1), "tick-1") with { MessageId = "t-1", ClockOffset = TimeSpan.FromDays(1) };
        var ticked = Applied().Receive(Decider, tick);

        var copy = ticked.Receive(Decider, tick with { ClockOffset = TimeSpan.Zero });

        copy.ShouldBe(ticked);
        copy.ClockOffset.ShouldBe(TimeSpan.FromDays(1));
    }

    [Fact]
    public void Given_a_reminder_due_on_day_5_When_a_decision_stamped_day_6_arrives_Then_the_reminder_fires_first_and_then_the_decision()
    {
        var generation = Applied();
        var reminder = generation.Timers.Single(t => t.Kind == TimerKind.DecisionReminder);

        var next = generation.Receive(Decider, CaseMessage.Of(
            new CaseCommand.DecideEligibility("case-1", "decide-1", reminder.DueAt.AddDays(1), true, null)));

        next.Answers.Select(a => a.CommandId).ShouldBe(["case-1:intake", $"timer:{reminder.TimerId}", "decide-1"]);
        next.State.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
        next.State.Stage.ShouldBe(CaseStage.AwaitingDeparture);
        next.Timers.ShouldNotContain(reminder);
    }

    [Fact]
    public void Given_a_decision_stamped_before_the_reminder_When_received_Then_the_reminder_stays_and_later_changes_nothing()
    {
        var generation = Applied();
        var reminder = generation.Timers.Single(t => t.Kind == TimerKind.DecisionReminder);

        var decided = generation.Receive(Decider, CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide-1", Day0.AddDays(1), true, null)));
        decided.Timers.ShouldContain(reminder);
        var ticked = decided.Receive(Decider, CaseMessage.Tick(reminder.DueAt));

        ticked.Timers.ShouldNotContain(reminder);
        ticked.Answers[^1].Outcome.ShouldBe(CommandOutcome.Unchanged);
        ticked.State.ShouldBe(decided.State);
    }

    [Fact]
    public void Given_a_refused_command_When_received_Then_its_id_is_not_recorded_so_a_corrected_resend_is_decided()
    {
        var generation = Applied();

        var refused = generation.Receive(Decider, CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide-1", Day0.AddDays(1), false, null)));
        refused.Answers[^1].Outcome.ShouldBe(CommandOutcome.Rejected);
        refused.Processed.ShouldNotContain("decide-1");
        refused.State.ShouldBe(generation.State);
    }

    [Fact]
    public void Given_an_effect_failing_When_retried_Then_it_waits_longer_each_time_and_after_an_hour_the_case_is_alerted_once()
    {
        var generation = Applied();
        var effect = generation.Pending[0];
        var failedOnce = generation.Failed(effect, Day0);
        var kept = failedOnce.Pending.Single(p => p.Effect.EffectId == effect.Effect.EffectId);
        kept.RetryAt.ShouldBe(Day0.AddMinutes(5));
        failedOnce.WakeAt.ShouldBe(Day0.AddMinutes(5));
        failedOnce.Runnable(Day0.AddMinutes(1)).ShouldNotContain(kept);

        var alerted = failedOnce.AlertStuck(Decider, Day0.AddHours(1), TimeSpan.FromHours(1));
        var again = alerted.AlertStuck(Decider, Day0.AddHours(2), TimeSpan.FromHours(1));

        alerted.State.Alerts.ShouldBe(1);
        again.State.Alerts.ShouldBe(1);
        again.Pending.Single(p => p.Effect.EffectId == effect.Effect.EffectId).Alerted.ShouldBeTrue();
    }

    [Fact]
    public void Given_every_e_mail_failing_for_hours_When_the_case_is_alerted_Then_the_alerts_own_e_mail_raises_no_further_alert()
    {
        var generation = Applied();
        var failing = generation.Pending.Aggregate(generation, (g, p) => g.Failed(p, Day0));
        var alerted = failing.AlertStuck(Decider, Day0.AddHours(1), TimeSpan.FromHours(1));
        var alertEmails = alerted.Pending.Where(p => p.Effect is CaseEffect.SendEmail { Template: EmailTemplate.CaseAlert }).ToList();
        alertEmails.ShouldNotBeEmpty();

        var later = alertEmails.Aggregate(alerted, (g, p) => g.Failed(p, Day0.AddHours(1)));
        for (var hour = 2; hour <= 5; hour++)
        {
            later = later.AlertStuck(Decider, Day0.AddHours(hour), TimeSpan.FromHours(1));
        }

        later.State.Alerts.ShouldBe(alerted.State.Alerts);
        later.Pending.Count.ShouldBe(alerted.Pending.Count);
    }

    [Fact]
    public void Given_the_read_models_write_failing_When_it_fails_again_and_again_Then_the_case_wakes_to_retry_it_later_each_time_until_it_is_written()
    {
        // Nothing woke a case whose projection had failed: its read model stayed behind until its next command or timer,
        // weeks away, and an erased case whose last projection failed never completed.
        var generation = Applied();
        var firstTimer = generation.Timers.Min(t => t.DueAt);

        var once = generation.ProjectionFailed(Day0);
        var twice = once.ProjectionFailed(Day0.AddMinutes(5));

        (once.ProjectionRetryAt, once.WakeAt).ShouldBe((Day0.AddMinutes(5), Day0.AddMinutes(5)));
        twice.ProjectionRetryAt.ShouldBe(Day0.AddMinutes(15));
        twice.Unprojected.ShouldBe(generation.Unprojected);
        var written = twice.Projected();
        (written.ProjectionFailures, written.ProjectionRetryAt, written.WakeAt).ShouldBe((0, null, firstTimer));
        written.Unprojected.ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_refused_command_whose_answer_was_pushed_out_by_later_ones_When_its_copy_arrives_Then_it_changes_nothing()
    {
        // A copy was known only by its answer among the last 20: a refused decision's copy, sent again after 21 other
        // answers, was decided afresh against the new state and could be accepted after its sender was told "refused".
        var generation = Applied();
        var early = new CaseCommand.BookDeparture("case-1", "book-early", Day0.AddDays(1), DateOnly.FromDateTime(Day0.AddDays(30).UtcDateTime), null);
        var refused = generation.Receive(Decider, CaseMessage.Of(early) with { MessageId = "m-early" });
        refused.Answers[^1].Outcome.ShouldBe(CommandOutcome.Rejected);
        var later = Enumerable.Range(0, CaseGeneration.AnswersKept + 1).Aggregate(refused, (g, i) =>
            g.Receive(Decider, CaseMessage.Tick(Day0.AddDays(1), $"tick-{i}") with { MessageId = $"m-tick-{i}" }));
        var eligible = later.Receive(Decider,
            CaseMessage.Of(new CaseCommand.DecideEligibility("case-1", "decide", Day0.AddDays(2), true, null)) with { MessageId = "m-decide" });
        eligible.Answers.ShouldNotContain(a => a.MessageId == "m-early");

        var copy = eligible.Receive(Decider, CaseMessage.Of(early) with { MessageId = "m-early" });

        copy.ShouldBe(eligible);
        copy.State.Stage.ShouldBe(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public void Given_many_commands_When_answered_Then_only_the_latest_answers_are_kept()
    {
        var generation = Applied();
        for (var i = 0; i < CaseGeneration.AnswersKept + 5; i++)
        {
            generation = generation.Receive(Decider, CaseMessage.Of(new CaseCommand.RecordConsent("case-1", $"consent-{i}", Day0.AddMinutes(i))));
        }

        generation.Answers.Count.ShouldBe(CaseGeneration.AnswersKept);
        generation.Answers[^1].CommandId.ShouldBe($"consent-{CaseGeneration.AnswersKept + 4}");
    }
}
