namespace Reintegration.Domain.Runtime.Generations;

/// <summary>What an operator may do to a case's stuck work, besides terminating its instance.</summary>
public enum OperationKind
{
    /// <summary>Run the failing effects now instead of at their next retry time.</summary>
    RetryNow,

    /// <summary>Give up one effect for good (for example an e-mail whose address will never accept it).</summary>
    SkipEffect,
}

/// <summary>
/// An operator's action on a case's orchestration, sent as a message and answered under <see cref="OperationId"/> like
/// a command. It acts on the work the case carries, never on the case's facts: the decider is not asked. Who acted
/// and why is written to the audit log by the edge; the orchestration carries ids only.
/// </summary>
public sealed record CaseOperation(string OperationId, OperationKind Kind, string? EffectId = null);
