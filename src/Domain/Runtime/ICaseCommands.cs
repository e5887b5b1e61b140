using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Where the edge (API, links, webhooks, demo) hands a command: the case store's runtime, or the case's orchestration.
/// </summary>
public interface ICaseCommands
{
    /// <summary>
    /// Handles <paramref name="command"/>; <paramref name="justLoaded"/> is the case as the caller just read it (to check
    /// access, say). The result carries the case as it then stands.
    /// </summary>
    Task<CommandResult> HandleAsync(CaseCommand command, StoredCase? justLoaded, CancellationToken cancellationToken = default);
}
