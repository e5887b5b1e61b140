using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>How handling a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>Taken: the case changed.</summary>
    Accepted,

    /// <summary>Accepted, nothing to change (a timer the case moved past, a repeat of the current state).</summary>
    Unchanged,

    /// <summary>This command id was handled before; nothing done again.</summary>
    Duplicate,

    /// <summary>A named business refusal.</summary>
    Rejected,

    /// <summary>Taken, but its answer did not come within the edge's wait: the case's page will show it.</summary>
    Pending,
}

/// <summary>The result of a command, with the case as it now stands.</summary>
public sealed record CommandResult(CommandOutcome Outcome, CaseState State, IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseEffect> Effects, Rejection? Rejection);
