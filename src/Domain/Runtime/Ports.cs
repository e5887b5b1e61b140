using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>An event with its position in the case's stream.</summary>
public sealed record RecordedEvent(long Version, CaseEvent Event);

/// <summary>A case's stored documents (ID papers, attachments), deleted when the person's data is erased.</summary>
public interface ICaseDocuments
{
    Task DeleteAllAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>Sends e-mails and partner notices. Must be idempotent by effect id: effects run at least once.</summary>
public interface IMessageSender
{
    Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default);
}
