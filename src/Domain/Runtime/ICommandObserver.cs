using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>Told of every handled command: where the edges hang their traces, metrics and logs (ids only).</summary>
public interface ICommandObserver
{
    void Handled(CaseCommand command, CommandResult result, TimeSpan elapsed);
}
