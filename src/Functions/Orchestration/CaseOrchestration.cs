using Microsoft.DurableTask;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// One instance per case (instance id = case id), from intake to closure, in generations. A generation runs the work
/// its input carries (projection, then effects), publishes where the case stands, waits for the next message or the
/// earliest timer (cancelling whichever loses, so no message goes to an abandoned wait), decides, and continues as
/// new. The decider runs once per generation, after the wait, and nothing is scheduled after it: a deploy with other
/// rules or profiles never replays an old decision. The orchestrator never throws: a failing activity is kept in the
/// generation and retried by timer.
/// </summary>
public sealed class CaseOrchestration(CaseDecider decider) : TaskOrchestrator<CaseGeneration, string?>
{
    public const string Name = "CaseOrchestration";

    /// <summary>The external event every message (command or clock tick) is raised as.</summary>
    public const string MessageEvent = "message";

    /// <summary>How long an effect may keep failing before its case gets an alert.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<string?> RunAsync(TaskOrchestrationContext context, CaseGeneration input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var generation = await ProjectAsync(context, input);
        generation = await RunEffectsAsync(context, generation);
        context.SetCustomStatus(CaseStatus.Of(generation));
        if (generation.IsFinished)
        {
            return "finished";
        }

        // Timers are due in case time; the durable timer runs on real time, so it is moved by the clock's offset.
        var message = await NextMessageAsync(context, generation.WakeAt - generation.ClockOffset);
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + generation.ClockOffset;
        var next = (message is null ? generation.FireDue(decider, now) : generation.Receive(decider, message))
            .AlertStuck(decider, message?.At ?? now, StuckAfter);
        context.SetCustomStatus(CaseStatus.Of(next));
        context.ContinueAsNew(next, preserveUnprocessedEvents: true);
        return null;
    }

    private static async Task<CaseGeneration> ProjectAsync(TaskOrchestrationContext context, CaseGeneration generation)
    {
        if (generation.Unprojected.IsEmpty)
        {
            return generation;
        }

        try
        {
            await context.CallActivityAsync(ProjectCase.Name, new CaseProjection(generation.State, generation.Unprojected), Retried);
            return generation.Projected();
        }
        catch (TaskFailedException)
        {
            // The events stay unprojected and the case wakes to try again (the read model is never the authority).
            return generation.ProjectionFailed(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + generation.ClockOffset);
        }
    }

    private static async Task<CaseGeneration> RunEffectsAsync(TaskOrchestrationContext context, CaseGeneration generation)
    {
        // Case time, as timers are: a retry time is turned back into real time with the timers (WakeAt - offset).
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + generation.ClockOffset;
        foreach (var effect in generation.Runnable(now).ToList())
        {
            try
            {
                await context.CallActivityAsync(RunCaseEffect.Name, effect.Effect, Retried);
                generation = generation.Done(effect);
            }
            catch (TaskFailedException failure)
            {
                generation = generation.Failed(effect, now, failure.FailureDetails.ErrorType);
            }
        }

        return generation;
    }

    /// <summary>The next message, or null when the wake-up time came first. The loser is cancelled either way.</summary>
    private static async Task<CaseMessage?> NextMessageAsync(TaskOrchestrationContext context, DateTimeOffset? wakeAt)
    {
        using var cancel = new CancellationTokenSource();
        var message = context.WaitForExternalEvent<CaseMessage>(MessageEvent, cancel.Token);
        if (wakeAt is not { } at)
        {
            return await message;
        }

        var timer = context.CreateTimer(at.UtcDateTime, cancel.Token);
        var first = await Task.WhenAny(message, timer);
        cancel.Cancel(); // synchronously: an orchestrator must not await anything but durable tasks
        return first == message ? await message : null;
    }
}
