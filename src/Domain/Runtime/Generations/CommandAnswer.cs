using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.Generations;

/// <summary>
/// How a command ended, as the orchestration publishes it for the caller waiting at the edge: the outcome, the stage
/// and version the case then had, or the named rejection. Codes and rule texts only: no personal data.
/// </summary>
public sealed record CommandAnswer(string CommandId, CommandOutcome Outcome, CaseStage Stage, long Version, Rejection? Rejection)
{
    /// <summary>The <see cref="CaseMessage.MessageId"/> of the message this answers, when its sender set one.</summary>
    public string? MessageId { get; init; }

    public static CommandAnswer Of(CaseCommand command, CommandOutcome outcome, CaseState state, Rejection? rejection) =>
        new(command.CommandId, outcome, state.Stage, state.Version, rejection);
}
