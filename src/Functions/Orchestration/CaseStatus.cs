using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// What a case's orchestration publishes as its custom status: the stage and version, the version the read model has
/// reached, the latest command answers (a caller waits for its own), and when the case next wakes on its own (so a
/// clock tick can pass over a case with nothing due). Ids, codes, times and rule texts: no personal data.
/// </summary>
public sealed record CaseStatus(CaseStage Stage, long Version, long ProjectedVersion, IReadOnlyList<CommandAnswer> Answers)
{
    /// <summary>The earliest timer or retry (<see cref="CaseGeneration.WakeAt"/>); null: nothing to wake for.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    public static CaseStatus Of(CaseGeneration generation) => new(
        generation.State.Stage,
        generation.State.Version,
        generation.Unprojected.IsEmpty ? generation.State.Version : generation.Unprojected[0].Version - 1,
        generation.Answers) { WakeAt = generation.WakeAt };

    public CommandAnswer? AnswerTo(string commandId) => Answers.LastOrDefault(a => a.CommandId == commandId);

    /// <summary>The answer to one message (a redelivered command's own, not its first delivery's).</summary>
    public CommandAnswer? AnswerToMessage(string messageId) => Answers.LastOrDefault(a => a.MessageId == messageId);
}
