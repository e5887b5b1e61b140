using System.Collections.Immutable;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Runtime.Generations;

/// <summary>
/// Everything a case's orchestration carries from one generation to the next: the decider's state, the timers the
/// case has set (time is data: a durable timer only wakes the instance for the earliest), the effects still to run,
/// the events not yet projected to the read model, the command ids already handled and the latest answers.
/// Every transition here is pure; the orchestration runs effects and waits, nothing else.
/// </summary>
public sealed record CaseGeneration
{
    /// <summary>How many answers the custom status keeps, so a caller waiting for its own finds it among others.</summary>
    public const int AnswersKept = 20;

    /// <summary>
    /// How many message ids the generation remembers, so a copy of a message (the edge's resend) changes nothing.
    /// More than the answers kept: timers and alerts add answers too, and a copy looked up among the last 20 answers only
    /// was decided afresh once its original's answer had been pushed out (a refused command could then be accepted).
    /// A copy comes within the edge's answer wait (20 s) of its original; 100 ids are about 3.5 KB of each generation.
    /// </summary>
    public const int MessagesKept = 100;

    public required CaseState State { get; init; }

    public ImmutableList<CaseTimer> Timers { get; init; } = [];

    public ImmutableList<PendingEffect> Pending { get; init; } = [];

    public ImmutableList<RecordedEvent> Unprojected { get; init; } = [];

    public ImmutableSortedSet<string> Processed { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public ImmutableList<CommandAnswer> Answers { get; init; } = [];

    /// <summary>The ids of the latest messages taken, at most <see cref="MessagesKept"/>: a copy of one changes nothing.</summary>
    public ImmutableList<string> MessagesTaken { get; init; } = [];

    /// <summary>How often writing <see cref="Unprojected"/> to the read model has failed in a row (0 when it has not).</summary>
    public int ProjectionFailures { get; init; }

    /// <summary>When a failed projection is tried again, in case time, as a failed effect is; null when none failed.</summary>
    public DateTimeOffset? ProjectionRetryAt { get; init; }

    /// <summary>Case time minus real time, as the latest message's sender had it (zero in production).</summary>
    public TimeSpan ClockOffset { get; init; }

    public static CaseGeneration Start(string caseId) => new() { State = CaseState.Empty(caseId) };

    /// <summary>
    /// When the instance must wake without a command: the earliest timer, a failed effect's retry, or a failed
    /// projection's (which nothing else woke: the read model stayed behind until the case's next command or timer).
    /// </summary>
    public DateTimeOffset? WakeAt =>
        Timers.Select(t => (DateTimeOffset?)t.DueAt)
            .Concat(Pending.Select(p => p.RetryAt))
            .Append(ProjectionRetryAt)
            .Where(at => at is not null)
            .Min();

    /// <summary>Effects to run now: new ones, and failed ones whose retry time has come.</summary>
    public IEnumerable<PendingEffect> Runnable(DateTimeOffset now) => Pending.Where(p => p.RetryAt is null || p.RetryAt <= now);

    /// <summary>
    /// Closed, erased, nothing left to run or to project: the instance completes (and is purged). Timers left then act
    /// on nothing: an erased case takes no more commands.
    /// </summary>
    public bool IsFinished =>
        State.Stage == CaseStage.Closed && State.PersonalDataErasedAt is not null
        && Pending.IsEmpty && Unprojected.IsEmpty;

    /// <summary>
    /// A message taken from the inbox: first every timer due at or before its time fires, in due order, then its
    /// command (a tick has none) is decided. The result is what the next generation starts from.
    /// </summary>
    public CaseGeneration Receive(CaseDecider decider, CaseMessage message)
    {
        // The answers too: a generation stored before MessagesTaken existed knows its messages only by them.
        if (message.MessageId is { } copy && (MessagesTaken.Contains(copy) || Answers.Any(a => a.MessageId == copy)))
        {
            // The edge raises a message again while its answer is missing (the storage provider can discard an event:
            // docs/ARCHITECTURE.md, "Answers"); a copy of one already taken changes nothing and keeps that answer.
            return this;
        }

        var taken = message.MessageId is { } id ? MessagesTaken.Add(id).TakeLast(MessagesKept).ToImmutableList() : MessagesTaken;
        var next = (this with { ClockOffset = message.ClockOffset, MessagesTaken = taken }).FireDue(decider, message.At);
        if (message.Operation is { } operation)
        {
            return next.Operate(operation, message.At).AnsweredAs(message.MessageId);
        }

        if (message.Command is { } command)
        {
            return next.Handle(decider, command).AnsweredAs(message.MessageId);
        }

        var outcome = next.State.Version > State.Version ? CommandOutcome.Accepted : CommandOutcome.Unchanged;
        return message.TickId is { } tick
            ? next.Answer(new CommandAnswer(tick, outcome, next.State.Stage, next.State.Version, null) { MessageId = message.MessageId })
            : next;
    }

    /// <summary>Names the message the last answer answers, so a copy of that message is known (see <see cref="Receive"/>).</summary>
    private CaseGeneration AnsweredAs(string? messageId) =>
        messageId is { } id ? this with { Answers = Answers.SetItem(Answers.Count - 1, Answers[^1] with { MessageId = id }) } : this;

    /// <summary>
    /// Fires every timer due at or before <paramref name="at"/>, oldest first, including timers that firing sets (a
    /// reminder's escalation due before <paramref name="at"/> fires too, after it): a case that slept past several
    /// deadlines meets a command, or a clock jump, in the state those deadlines leave it in.
    /// </summary>
    public CaseGeneration FireDue(CaseDecider decider, DateTimeOffset at)
    {
        var next = this;
        // A timer that set itself again at the same instant would never end: a bound instead of a hang.
        for (var fired = 0; fired < MaxTimersAtOnce; fired++)
        {
            var timer = next.Timers.Where(t => t.DueAt <= at)
                .OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal).FirstOrDefault();
            if (timer is null)
            {
                break;
            }

            next = next with { Timers = next.Timers.Remove(timer) };
            next = next.Handle(decider, new CaseCommand.FireTimer(timer.CaseId, $"timer:{timer.TimerId}", timer.DueAt, timer));
        }

        return next;
    }

    /// <summary>More timers than a case sets in its whole life (about 60): past this, FireDue stops.</summary>
    public const int MaxTimersAtOnce = 1000;

    /// <summary>Decides one command and applies what it decided; a repeated command id is answered as a duplicate.</summary>
    public CaseGeneration Handle(CaseDecider decider, CaseCommand command)
    {
        if (Processed.Contains(command.CommandId))
        {
            return Answer(CommandAnswer.Of(command, CommandOutcome.Duplicate, State, null));
        }

        Decision decision;
        CaseState state;
        var recorded = new List<RecordedEvent>();
        try
        {
            decision = decider.Decide(command, State);
            state = State;
            foreach (var @event in decision.Events) // none when refused
            {
                state = CaseEvolution.Evolve(state, @event);
                recorded.Add(new RecordedEvent(state.Version, @event));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or ArithmeticException or InvalidOperationException or KeyNotFoundException)
        {
            // A command the rules cannot decide: an input no check foresaw (a departure on 9999-12-31 once made the
            // wait's date arithmetic throw) or a fault of ours. Refused, and the case goes on as it was: thrown, it left
            // the orchestration Failed, the case refusing every command until an operator brought it back.
            return Answer(CommandAnswer.Of(command, CommandOutcome.Rejected, State, new Rejection("command-not-decidable",
                $"The case could not decide this command and changed nothing ({ex.GetType().Name}); it has been kept as it was.")));
        }

        if (decision.Rejection is { } rejection)
        {
            // A refused command id is not recorded: a corrected resend with the same id is decided afresh.
            return Answer(CommandAnswer.Of(command, CommandOutcome.Rejected, State, rejection));
        }

        var next = this with { Processed = Processed.Add(command.CommandId) };
        if (decision.Events.Count == 0)
        {
            return next.Answer(CommandAnswer.Of(command, CommandOutcome.Unchanged, State, null));
        }

        var timers = next.Timers;
        var pending = next.Pending;
        foreach (var effect in decision.Effects)
        {
            if (effect is CaseEffect.ScheduleTimer schedule)
            {
                timers = timers.RemoveAll(t => t.TimerId == schedule.Timer.TimerId).Add(schedule.Timer);
            }
            else
            {
                pending = pending.Add(new PendingEffect(effect));
            }
        }

        return (next with { State = state, Timers = timers, Pending = pending, Unprojected = next.Unprojected.AddRange(recorded) })
            .Answer(CommandAnswer.Of(command, CommandOutcome.Accepted, state, null));
    }

    /// <summary>Raises one processing-failed alert for each effect failing for <paramref name="after"/> or longer.</summary>
    public CaseGeneration AlertStuck(CaseDecider decider, DateTimeOffset now, TimeSpan after)
    {
        var next = this;
        foreach (var stuck in Pending.Where(p => !p.Alerted && p.FailingSince is { } since && now - since >= after))
        {
            next = next with { Pending = next.Pending.Replace(stuck, stuck with { Alerted = true }) };
            if (stuck.Effect is CaseEffect.SendEmail { Template: EmailTemplate.CaseAlert })
            {
                // An alert's own e-mail failing raises no alert: each would send another e-mail, failing the same way,
                // one more every hour of a SendGrid outage (or for ever, for an address SendGrid refuses). It stays on
                // the operations page as work that keeps failing.
                continue;
            }

            var detail = $"{stuck.Effect.GetType().Name} has failed since {stuck.FailingSince:yyyy-MM-dd HH:mm} UTC; it is retried";
            next = next.Handle(decider, new CaseCommand.RaiseAlert(
                State.CaseId, $"stuck:{stuck.Effect.EffectId}", now, AlertKind.ProcessingFailed, detail));
        }

        return next;
    }

    /// <summary>
    /// An operator's action on the pending work: <see cref="OperationKind.RetryNow"/> makes every failing effect (or the
    /// named one) due at <paramref name="at"/>; <see cref="OperationKind.SkipEffect"/> drops the named effect. An
    /// effect that is not pending is refused by name, and so is a skip of an erasure; nothing changes then.
    /// </summary>
    public CaseGeneration Operate(CaseOperation operation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var chosen = Pending.Where(p => operation.EffectId is null ? p.Failures > 0 : p.Effect.EffectId == operation.EffectId)
            .ToList();
        if (chosen.Count == 0)
        {
            var rejection = new Rejection("effect-not-pending", operation.EffectId is null
                ? "No effect of this case is failing: there is nothing to retry."
                : $"Effect {operation.EffectId} is not pending on this case: it ran, was skipped, or never existed.");
            return Answer(new CommandAnswer(operation.OperationId, CommandOutcome.Rejected, State.Stage, State.Version, rejection));
        }

        if (operation.Kind == OperationKind.SkipEffect && chosen.Any(p => p.Effect is CaseEffect.ErasePersonalHistory))
        {
            // Skipped, the erasure would leave a case that reads erased (its snapshot is redacted) with the person's
            // data still in its event rows, secrets and documents, and no request could redo it.
            var rejection = new Rejection("effect-not-skippable",
                "The erasure of a person's data cannot be skipped: retry it, or mend what makes it fail.");
            return Answer(new CommandAnswer(operation.OperationId, CommandOutcome.Rejected, State.Stage, State.Version, rejection));
        }

        var pending = Pending;
        foreach (var effect in chosen)
        {
            pending = operation.Kind == OperationKind.SkipEffect
                ? pending.Remove(effect)
                : pending.Replace(effect, effect with { RetryAt = at });
        }

        return (this with { Pending = pending })
            .Answer(new CommandAnswer(operation.OperationId, CommandOutcome.Accepted, State.Stage, State.Version, null));
    }

    /// <summary>The effect ran: it leaves the list.</summary>
    public CaseGeneration Done(PendingEffect effect) => this with { Pending = Pending.Remove(effect) };

    /// <summary>The effect failed again: kept, with its next try set by <see cref="PendingEffect.Failed"/>.</summary>
    public CaseGeneration Failed(PendingEffect effect, DateTimeOffset now, string? error = null) =>
        this with { Pending = Pending.Replace(effect, effect.Failed(now, error)) };

    /// <summary>The events were written to the read model.</summary>
    public CaseGeneration Projected() => this with { Unprojected = [], ProjectionFailures = 0, ProjectionRetryAt = null };

    /// <summary>Writing the events failed: they stay, and the case wakes to try again, waiting longer each time, as an effect does.</summary>
    public CaseGeneration ProjectionFailed(DateTimeOffset now) => this with
    {
        ProjectionFailures = ProjectionFailures + 1,
        ProjectionRetryAt = now + PendingEffect.RetryWait(ProjectionFailures),
    };

    private CaseGeneration Answer(CommandAnswer answer) =>
        this with { Answers = Answers.Add(answer).TakeLast(AnswersKept).ToImmutableList() };
}
