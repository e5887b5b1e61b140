using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Where the edge (API, links, webhooks, demo) hands a command: the case's orchestration.
/// </summary>
public interface ICaseCommands
{
    /// <summary>
    /// Handles <paramref name="command"/>; <paramref name="justLoaded"/> is the case as the caller just read it (to check
    /// access, say). The result carries the case as it then stands.
    /// </summary>
    Task<CommandResult> HandleAsync(CaseCommand command, CaseState? justLoaded, CancellationToken cancellationToken = default);

    /// <summary>
    /// An application from an intake webhook. A new case's application is answered (taken, or refused by name) as soon
    /// as it is decided and stored durably, before the read model and the e-mails have caught up: a webhook sender needs
    /// to know only that its delivery was taken, and times out a slow answer and sends it again. A redelivery to a case
    /// that exists is answered as any command is, once the case has decided it (a duplicate).
    /// </summary>
    Task<CommandResult> SubmitAsync(CaseCommand.SubmitApplication application, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells a case's story (the demo seed: commands stamped in the past) at once. Returns the first refusal, or null.
    /// </summary>
    Task<Rejection?> TellAsync(IReadOnlyList<CaseCommand> story, CancellationToken cancellationToken = default);
}
