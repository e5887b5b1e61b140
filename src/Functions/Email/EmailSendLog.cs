using System.Collections.Concurrent;

namespace Reintegration.Functions.Email;

/// <summary>Where an e-mail effect stands with the mail service: about to be handed over, or accepted.</summary>
public enum EmailSendStatus
{
    Sending,
    Sent,
}

/// <summary>
/// Which e-mail effects were handed to SendGrid, by case and effect id (ids only). SendGrid takes no idempotency key
/// and effects run at least once, so the delivery records "sending" before the call and "sent" after SendGrid
/// accepted, and skips what is sent.
/// </summary>
public interface IEmailSendLog
{
    Task<EmailSendStatus?> StatusAsync(string caseId, string effectId, CancellationToken cancellationToken);

    Task RecordAsync(
        string caseId, string effectId, EmailSendStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The send log in memory, for the in-memory mode and tests.</summary>
public sealed class InMemoryEmailSendLog : IEmailSendLog
{
    private readonly ConcurrentDictionary<(string CaseId, string EffectId), EmailSendStatus> statuses = new();

    public Task<EmailSendStatus?> StatusAsync(string caseId, string effectId, CancellationToken cancellationToken) =>
        Task.FromResult(statuses.TryGetValue((caseId, effectId), out var status) ? status : (EmailSendStatus?)null);

    public Task RecordAsync(
        string caseId, string effectId, EmailSendStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        statuses[(caseId, effectId)] = status;
        return Task.CompletedTask;
    }
}
