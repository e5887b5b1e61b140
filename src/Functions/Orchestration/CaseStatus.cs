using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// What a case's orchestration publishes as its custom status: the stage and version, the version the read model has
/// reached, the latest command answers (a caller waits for its own) and the work still to run with its failures (the
/// operator view). Ids, codes, kinds and times: no personal data.
/// </summary>
public sealed record CaseStatus(CaseStage Stage, long Version, long ProjectedVersion, IReadOnlyList<CommandAnswer> Answers)
{
    /// <summary>The effects still to run; those that failed carry their attempts and next try.</summary>
    public IReadOnlyList<EffectStatus> Effects { get; init; } = [];

    /// <summary>When the case next has something due, in case time (a timer or a retry); null when nothing is.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>How often in a row writing the case to the read model has failed.</summary>
    public int ProjectionFailures { get; init; }

    /// <summary>Some effect, or the read model's write, keeps failing: the case belongs on the operator's list.</summary>
    public bool Troubled => Effects.Any(e => e.Failures > 0) || ProjectionFailures > 0;

    public static CaseStatus Of(CaseGeneration generation) => new(
        generation.State.Stage,
        generation.State.Version,
        generation.Unprojected.IsEmpty ? generation.State.Version : generation.Unprojected[0].Version - 1,
        generation.Answers)
    {
        Effects = [.. generation.Pending.Select(EffectStatus.Of)],
        WakeAt = generation.WakeAt,
        ProjectionFailures = generation.ProjectionFailures,
    };

    public CommandAnswer? AnswerTo(string commandId) => Answers.LastOrDefault(a => a.CommandId == commandId);

    /// <summary>The answer to one message (a redelivered command's own, not its first delivery's).</summary>
    public CommandAnswer? AnswerToMessage(string messageId) => Answers.LastOrDefault(a => a.MessageId == messageId);
}

/// <summary>One pending effect as the operator sees it: which, what kind, how often it failed, since when, what next.</summary>
public sealed record EffectStatus(
    string EffectId, string Kind, int Failures, DateTimeOffset? FailingSince, DateTimeOffset? RetryAt, bool Alerted,
    string? LastError)
{
    public static EffectStatus Of(PendingEffect pending) => new(
        pending.Effect.EffectId, pending.Effect.GetType().Name, pending.Failures, pending.FailingSince, pending.RetryAt,
        pending.Alerted, pending.LastError);
}
