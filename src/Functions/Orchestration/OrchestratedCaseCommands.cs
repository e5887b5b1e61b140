using System.Diagnostics;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Commands through the case's orchestration: an application starts the instance (a repeat finds it running), every
/// command is sent as a message, and the answer the orchestration publishes is awaited (bounded by
/// <see cref="AnswerWait"/>) until the read model has reached it, so the caller reads its own write. A command to a
/// case whose instance is not running is refused before anything is sent.
/// </summary>
public sealed class OrchestratedCaseCommands(
    ICaseOrchestrations orchestrations, ICaseReadModel readModel, CaseDecider decider, TimeProvider clock,
    ICommandObserver? observer = null) : ICaseCommands
{
    /// <summary>How long the edge waits for an answer before it answers "pending" (HTTP 202 with the case's URL).</summary>
    public TimeSpan AnswerWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the edge waits for an answer before it raises the same message again (same message id, so the
    /// orchestration answers a copy it already answered by ignoring it). The Azure Storage provider deletes an external
    /// event it batches with a stale execution's message (an activity's completion or a cancelled timer of a generation
    /// that has continued as new: "No such instance"), so a raised message can be lost; its copy is not. Half the
    /// answer wait, so one copy at most per wait: each copy costs the case a generation, and copies sent every few
    /// seconds to a task hub that answers slowly because it is loaded would load it more.
    /// </summary>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The edge reads the instance for its answer after 50 ms, then waits twice as long after each miss, up to 400 ms.
    /// An answer a quiet hub gives in a few hundred milliseconds is seen soon after, and a loaded hub is not read 20
    /// times a second per waiting caller: with 16 callers waiting at a fixed 50 ms, the reads alone kept Azurite's one
    /// core busy in the fault run, and they are billed transactions on Azure.
    /// </summary>
    private static readonly TimeSpan FirstAnswerRead = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan LongestAnswerRead = TimeSpan.FromMilliseconds(400);

    /// <summary>Each message raised to a case gets its own id: its answer names it, and the orchestration knows a copy by it.</summary>
    private static string NewMessageId() => Guid.NewGuid().ToString("N");

    public Task<CommandResult> HandleAsync(
        CaseCommand command, CaseState? justLoaded, CancellationToken cancellationToken = default) =>
        ObservedAsync(command, () => SendAsync(command, justLoaded, untilProjected: true, cancellationToken));

    /// <summary>
    /// An application from an intake webhook, answered as soon as its case's instance is stored with the application
    /// decided in its first generation; the read model and the e-mails follow when that generation runs (a few hundred
    /// milliseconds on a quiet hub). The sender learns at once whether the application was taken or refused, and why.
    /// A redelivery of an application whose case exists is sent as a message and answered once decided (a duplicate).
    /// </summary>
    public Task<CommandResult> SubmitAsync(CaseCommand.SubmitApplication application, CancellationToken cancellationToken = default) =>
        ObservedAsync(application, () => SendAsync(application, null, untilProjected: false, cancellationToken));

    private async Task<CommandResult> ObservedAsync(CaseCommand command, Func<Task<CommandResult>> send)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = clock.GetTimestamp();
        var result = await send();
        observer?.Handled(command, result, clock.GetElapsedTime(started));
        return result;
    }

    private async Task<CommandResult> SendAsync(
        CaseCommand command, CaseState? justLoaded, bool untilProjected, CancellationToken cancellationToken)
    {
        var known = justLoaded ?? CaseState.Empty(command.CaseId);

        var (sealedCommand, secrets) = Sealing.Seal(command);

        // The secrets this call adds (a repeated command id adds none). One list for both paths below: an application
        // whose case exists goes on as a message, and if that is refused (an erased case whose instance has not been
        // purged yet), the secrets it put back are taken away again.
        IReadOnlyList<string>? kept = null;
        if (command is CaseCommand.SubmitApplication)
        {
            (var first, kept, var erased) = await StartWithAsync(sealedCommand, secrets, cancellationToken);
            if (erased is not null)
            {
                return Refused(erased, "case-erased", $"Case {command.CaseId} is closed and its personal data erased: it takes no more commands.");
            }

            if (first is not null)
            {
                return await AnswerStartAsync(command.CaseId, first, untilProjected, cancellationToken);
            }
        }

        kept ??= secrets.Count == 0 ? [] : await readModel.KeepSecretsAsync(command.CaseId, secrets, cancellationToken);
        var messageId = NewMessageId();
        var message = CaseMessage.Of(sealedCommand) with { ClockOffset = Offset(), MessageId = messageId };
        var sent = await SendWhenStartedAsync(command.CaseId, message, cancellationToken);
        if (sent == SendOutcome.Starting)
        {
            // The secrets stay: a concurrent delivery of the same application may have started the case with them.
            return Refused(known, "case-starting", $"Case {command.CaseId} is still starting: send the command again in a moment.");
        }

        if (sent == SendOutcome.NotRunning)
        {
            // Erased already: a repeated request finishes the job (purges a completed instance) and changes nothing.
            return await NotTakenAsync(command, kept, known, CommandOutcome.Duplicate, cancellationToken);
        }

        var waited = await WaitForAsync(command.CaseId, s => s.AnswerToMessage(messageId), cancellationToken, message);
        if (waited is null)
        {
            return new CommandResult(CommandOutcome.Pending, known, [], [], null);
        }

        if (waited.Answer is not { } answer)
        {
            // The instance ended without answering. A message that reached it while its last generation (an erasure)
            // ran is never taken, so nothing of it may stay, its secrets included. Or the erasure itself ran and its
            // answer never came: a worker stopped between the completing episode's history and its instance row left
            // the row at Running and the answer unwritten (Azure/durabletask#1252); the message raised (or its resend)
            // made the provider set the row from the history, which ended the wait. The read model says the erasure is
            // done, so the instance is purged now, not by a repeated request.
            return await NotTakenAsync(command, kept, known, CommandOutcome.Accepted, cancellationToken);
        }

        if (answer.Outcome == CommandOutcome.Rejected && kept.Count > 0)
        {
            // Nothing of a refused command stays: its secrets go with it.
            await readModel.ForgetSecretsAsync(command.CaseId, kept, cancellationToken);
        }

        if (command is CaseCommand.ErasePersonalData && answer.Outcome == CommandOutcome.Accepted)
        {
            await PurgeWhenFinishedAsync(command.CaseId, cancellationToken);
        }

        var state = await readModel.ReadAsync(command.CaseId, cancellationToken) ?? known;
        return new CommandResult(answer.Outcome, state, [], [], answer.Rejection);
    }

    /// <summary>
    /// The answer to a command the case's instance did not take, because it was not running or ended before it took
    /// it: the secrets the command kept are forgotten, and it is refused by what the case is; an erasure of an erased
    /// case is answered <paramref name="erasedAnswer"/> once its instance is purged.
    /// </summary>
    private async Task<CommandResult> NotTakenAsync(
        CaseCommand command, IReadOnlyList<string> kept, CaseState known, CommandOutcome erasedAnswer, CancellationToken cancellationToken)
    {
        await readModel.ForgetSecretsAsync(command.CaseId, kept, cancellationToken);
        var stored = await readModel.ReadAsync(command.CaseId, cancellationToken);
        if (stored?.PersonalDataErasedAt is not null && command is CaseCommand.ErasePersonalData)
        {
            await PurgeWhenFinishedAsync(command.CaseId, cancellationToken);
            return new CommandResult(erasedAnswer, stored, [], [], null);
        }

        if (stored?.PersonalDataErasedAt is not null)
        {
            return Refused(stored, "case-erased", $"Case {command.CaseId} is closed and its personal data erased: it takes no more commands.");
        }

        var status = (await orchestrations.GetAsync(command.CaseId, cancellationToken)).Status;
        return status == CaseInstanceStatus.Missing
            ? Refused(known, "case-not-found", $"There is no case {command.CaseId}.")
            : Refused(known, "case-not-running", $"Case {command.CaseId} takes no more commands ({status}).");
    }

    /// <summary>The answer to an application that started its case: at once, or (the API) once the read model has it.</summary>
    private async Task<CommandResult> AnswerStartAsync(string caseId, CaseGeneration first, bool untilProjected, CancellationToken cancellationToken)
    {
        var decided = first.Answers[^1];
        if (decided.Outcome == CommandOutcome.Rejected || !untilProjected)
        {
            return new CommandResult(decided.Outcome, first.State, [], [], decided.Rejection);
        }

        var projected = (await WaitForAsync(caseId, s => s.AnswerToMessage(decided.MessageId!), cancellationToken))?.Answer;
        return projected is null
            ? new CommandResult(CommandOutcome.Pending, first.State, [], [], null)
            : new CommandResult(projected.Outcome, await readModel.ReadAsync(caseId, cancellationToken) ?? first.State, [], [], null);
    }

    /// <summary>
    /// An application starts its case: it is decided here, against the empty case, and the instance is started with
    /// that first generation (its answer, events, effects and timers), as the demo seed does. Nothing is raised, so no
    /// event can meet an instance that is still Pending, and the answer is known once the start is stored. A refused
    /// application starts nothing and keeps none of its secrets: it is decided before they are kept, so neither a
    /// refusal nor a stop of the app between two writes leaves a refused person's data behind. First is null when the
    /// case's instance exists (a redelivery, or a concurrent one that started it first): the caller sends the
    /// application as a message, and the orchestration answers it as a duplicate; Kept is then the secrets this call
    /// kept (null if none were kept yet), so that path can take them away again if the case refuses the message.
    /// Erased is the read model of a case whose personal data was erased: its instance is purged, so nothing else would
    /// stop a start under its id, and a sender's late redelivery (same delivery id, same case id) would bring the
    /// person's data back. Then nothing is kept or started.
    /// </summary>
    private async Task<(CaseGeneration? First, IReadOnlyList<string>? Kept, CaseState? Erased)> StartWithAsync(
        CaseCommand sealedApplication, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        var caseId = sealedApplication.CaseId;
        var first = CaseGeneration.Start(caseId)
            .Receive(decider, CaseMessage.Of(sealedApplication) with { ClockOffset = Offset(), MessageId = NewMessageId() });
        var accepted = first.Answers[^1].Outcome != CommandOutcome.Rejected;

        // The erased-case read and the start's note go to the store together: the note changes nothing for an erased
        // case (the sweep settles it an hour later and keeps what it finds), and one round trip less is on the
        // webhook's answer path. The note comes before the secrets: a stop of the app before the start leaves the
        // secrets with no case, and UnsettledStartsSweep forgets them an hour later if no case came of them. The sweep
        // also settles the note of a case that did start (an instance read and a delete an hour later): settling it
        // here would put a third write on the answer path, which at 20 senders on Azurite took the answer's p99 from
        // 4 s to 14 to 17 s (PERFORMANCE.md).
        var read = readModel.ReadAsync(caseId, cancellationToken);
        var noted = accepted && secrets.Count > 0 ? readModel.NoteStartAsync(caseId, clock.GetUtcNow(), cancellationToken) : Task.CompletedTask;
        await Task.WhenAll(read, noted);
        if (await read is { PersonalDataErasedAt: not null } erased)
        {
            return (null, null, erased);
        }

        if (!accepted)
        {
            // Refused against an empty case, but a case of this id exists (accepted under other rules): its answer counts.
            return (await orchestrations.GetAsync(caseId, cancellationToken)).Status == CaseInstanceStatus.Missing
                ? (first, [], null)
                : (null, null, null);
        }

        if (secrets.Count == 0)
        {
            return (await orchestrations.StartAsync(caseId, first, cancellationToken) ? first : null, [], null);
        }

        var kept = await readModel.KeepSecretsAsync(caseId, secrets, cancellationToken);
        var started = await orchestrations.StartAsync(caseId, first, cancellationToken);
        return (started ? first : null, kept, null);
    }

    /// <summary>
    /// Tells a case's story at once (the demo seed): its commands, stamped in the past, are folded into one generation
    /// and the instance starts from it. Sent one by one, a backdated command would meet the real-time wake-up timer
    /// of timers its own time had not reached yet. Returns the first refusal, or null once the read model has the case.
    /// </summary>
    public async Task<Rejection?> TellAsync(IReadOnlyList<CaseCommand> story, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(story.Count);
        var caseId = story[0].CaseId;
        var generation = CaseGeneration.Start(caseId);
        foreach (var command in story)
        {
            var (sealedCommand, secrets) = Sealing.Seal(command);
            await readModel.KeepSecretsAsync(caseId, secrets, cancellationToken);
            generation = generation.Receive(decider, CaseMessage.Of(sealedCommand) with { ClockOffset = Offset() });
            if (generation.Answers[^1].Rejection is { } rejection)
            {
                return rejection;
            }
        }

        await orchestrations.StartAsync(caseId, generation, cancellationToken);
        var projected = (await WaitForAsync(caseId, s => s.AnswerTo(story[^1].CommandId), cancellationToken))?.Answer;
        return projected is null ? new Rejection("seed-pending", $"Case {caseId} was not projected in time.") : null;
    }

    /// <summary>
    /// Sends a clock tick and waits (bounded) until the case has fired what was due; false if it is not running. A case
    /// whose published status has nothing due by <paramref name="at"/> is passed over: the tick would change nothing.
    /// </summary>
    public async Task<bool> TickAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var instance = await orchestrations.GetAsync(caseId, cancellationToken);
        if (instance is { Status: CaseInstanceStatus.Running, Published: { } published }
            && (published.WakeAt is null || published.WakeAt > at) && published.ProjectedVersion == published.Version)
        {
            return true;
        }

        var tickId = $"tick:{at.UtcTicks}";
        var tick = CaseMessage.Tick(at, tickId) with { ClockOffset = Offset(), MessageId = NewMessageId() };
        if (await SendWhenStartedAsync(caseId, tick, cancellationToken) != SendOutcome.Raised)
        {
            return false;
        }

        return (await WaitForAsync(caseId, s => s.AnswerTo(tickId), cancellationToken, tick))?.Answer is not null;
    }

    /// <summary>
    /// Sends an operator's action (<see cref="CaseOperation"/>) to a running case and waits (bounded) for its answer:
    /// accepted, refused by name, pending when the wait ran out, or refused as not running.
    /// </summary>
    public async Task<OperationAnswer> OperateAsync(string caseId, CaseOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var message = CaseMessage.Of(operation, clock.GetUtcNow()) with { ClockOffset = Offset(), MessageId = NewMessageId() };
        var sent = await SendWhenStartedAsync(caseId, message, cancellationToken);
        if (sent == SendOutcome.Starting)
        {
            return new OperationAnswer(CommandOutcome.Rejected,
                new Rejection("case-starting", $"Case {caseId} is still starting: try again in a moment."));
        }

        if (sent == SendOutcome.NotRunning)
        {
            return new OperationAnswer(CommandOutcome.Rejected,
                new Rejection("case-not-running", $"Case {caseId} has no running orchestration: retry brings a failed one back."));
        }

        return await WaitForAsync(caseId, s => s.AnswerTo(operation.OperationId), cancellationToken, message) switch
        {
            null => new OperationAnswer(CommandOutcome.Pending, null),
            { Answer: { } answer } => new OperationAnswer(answer.Outcome, answer.Rejection),
            _ => new OperationAnswer(CommandOutcome.Rejected,
                new Rejection("case-not-running", $"Case {caseId} ended before it took the action.")),
        };
    }

    /// <summary>
    /// Sends <paramref name="message"/> once the case's instance has left Pending (its start message run): one
    /// instance read when it is running, as it usually is. The Azure Storage provider discards an event it takes
    /// before the instance's first episode ("No such instance", DurableTask.AzureStorage event 139), so a message
    /// raised then would be lost: seen in the 200-case fault run's log, and behind a CI run where an application's
    /// command vanished and the case's next command met a case with no application. A Pending instance (just started
    /// by an intake or a rehydration) is waited for, at most <see cref="AnswerWait"/>; still Pending then, nothing is
    /// sent (<see cref="SendOutcome.Starting"/>).
    /// </summary>
    private async Task<SendOutcome> SendWhenStartedAsync(string caseId, CaseMessage message, CancellationToken cancellationToken)
    {
        var sent = await orchestrations.SendAsync(caseId, message, cancellationToken);
        if (sent != SendOutcome.Starting)
        {
            return sent;
        }

        return await UntilAsync(caseId, i => i.Status == CaseInstanceStatus.Pending ? null : i, cancellationToken) is null
            ? SendOutcome.Starting
            : await orchestrations.SendAsync(caseId, message, cancellationToken);
    }

    /// <summary>
    /// The answer <paramref name="answerOf"/> picks, once the read model has reached it; a <see cref="Waited"/> with no
    /// answer when the instance has ended without it (an ended instance publishes no more answers); null when the wait
    /// runs out. While no answer is published, <paramref name="resend"/> (the message sent) is raised again every
    /// <see cref="ResendAfter"/>.
    /// </summary>
    private async Task<Waited?> WaitForAsync(
        string caseId, Func<CaseStatus, CommandAnswer?> answerOf, CancellationToken cancellationToken, CaseMessage? resend = null)
    {
        var sentAt = Stopwatch.GetTimestamp();
        async Task MeanwhileAsync(CaseInstance instance, CancellationToken token)
        {
            if (resend is null || Stopwatch.GetElapsedTime(sentAt) < ResendAfter
                || (instance.Published is { } published && answerOf(published) is not null))
            {
                return;
            }

            sentAt = Stopwatch.GetTimestamp();
            await orchestrations.SendAsync(caseId, resend, token);
        }

        return await UntilAsync(caseId, instance => instance.Published is { } published && answerOf(published) is { } answer
            && published.ProjectedVersion >= answer.Version
                ? new Waited(answer)
                : instance.Status is CaseInstanceStatus.Completed or CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated
                    or CaseInstanceStatus.Missing
                    ? new Waited(null)
                    : null,
            cancellationToken, MeanwhileAsync);
    }

    /// <summary>How a wait for an answer ended: with the answer, or with none because the instance had ended.</summary>
    private sealed record Waited(CommandAnswer? Answer);

    /// <summary>
    /// Reads the instance until <paramref name="found"/> gives a value, at most <see cref="AnswerWait"/>; after each
    /// miss, <paramref name="meanwhile"/> is given the instance read.
    /// </summary>
    private async Task<T?> UntilAsync<T>(
        string caseId, Func<CaseInstance, T?> found, CancellationToken cancellationToken,
        Func<CaseInstance, CancellationToken, Task>? meanwhile = null)
        where T : class
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(AnswerWait);
        var poll = FirstAnswerRead;
        try
        {
            while (true)
            {
                var instance = await orchestrations.GetAsync(caseId, bound.Token);
                if (found(instance) is { } value)
                {
                    return value;
                }

                if (meanwhile is not null)
                {
                    await meanwhile(instance, bound.Token);
                }

                await Task.Delay(poll, bound.Token);
                poll = poll * 2 < LongestAnswerRead ? poll * 2 : LongestAnswerRead;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Erasure ends the instance: once the erased case has run its last generation (read model redacted, secrets and
    /// documents deleted) it completes, and its history is purged. Azure purges only terminal instances, so this waits
    /// (bounded) for the completion; a case still running then is purged by the next erasure request. An instance
    /// purged already (a repeated request) ends the wait at once: waiting for it to complete kept a repeated erasure
    /// request waiting the whole <see cref="AnswerWait"/> for its "duplicate" answer.
    /// </summary>
    private async Task PurgeWhenFinishedAsync(string caseId, CancellationToken cancellationToken)
    {
        // Not finished in time: the instance stays until an erasure request finds it completed.
        var finished = await UntilAsync(
            caseId, i => i.Status is CaseInstanceStatus.Completed or CaseInstanceStatus.Missing ? i : null, cancellationToken);
        if (finished?.Status == CaseInstanceStatus.Completed)
        {
            await orchestrations.PurgeAsync(caseId, cancellationToken);
        }
    }

    /// <summary>The app's clock against real time: zero in production, the development clock's offset otherwise.</summary>
    private TimeSpan Offset() => clock == TimeProvider.System ? TimeSpan.Zero : clock.GetUtcNow() - TimeProvider.System.GetUtcNow();

    private static CommandResult Refused(CaseState state, string code, string message) =>
        new(CommandOutcome.Rejected, state, [], [], new Rejection(code, message));
}

/// <summary>How an operator's action ended: accepted, refused by name, or pending (the bounded wait ran out).</summary>
public sealed record OperationAnswer(CommandOutcome Outcome, Rejection? Rejection);
