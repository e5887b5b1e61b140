using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Reintegration.Functions.Email;
using Reintegration.Storage.Blobs;
using Reintegration.Storage;

namespace Reintegration.Functions.Outbox;

/// <summary>An e-mail as the dev outbox keeps it.</summary>
public sealed record OutboxEmail(EmailMessage Message, DateTimeOffset DeliveredAt);

/// <summary>The local stand-in for SendGrid: e-mails land here, shown on the outbox page with their links clickable.</summary>
public interface IDevOutbox : IEmailDelivery
{
    Task<IReadOnlyList<OutboxEmail>> ListAsync(string? caseId = null, CancellationToken cancellationToken = default);
}

/// <summary>The dev outbox in blob storage (Azurite locally): one blob per effect id, so a re-run effect lands once.</summary>
public sealed class BlobDevOutbox(BlobContainerClient container, TimeProvider clock) : IDevOutbox
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new OutboxEmail(message, clock.GetUtcNow()));
        try
        {
            await container.UploadBlobAsync(BlobName(message), BinaryData.FromBytes(body), "application/json", ifNoneMatch: ETag.All, cancellationToken: cancellationToken);
        }
        catch (StorageRequestException ex) when (ex.Status == 409)
        {
            // Already delivered: effects run at least once, e-mails land once.
        }
    }

    public async Task<IReadOnlyList<OutboxEmail>> ListAsync(string? caseId = null, CancellationToken cancellationToken = default)
    {
        var emails = new List<OutboxEmail>();
        await foreach (var item in container.GetBlobsAsync(caseId is null ? null : caseId + "_", cancellationToken: cancellationToken))
        {
            if (await container.DownloadIfExistsAsync(item.Name, cancellationToken) is { } download)
            {
                emails.Add(JsonSerializer.Deserialize<OutboxEmail>(download.Content.ToMemory().Span)!);
            }
        }

        return [.. emails.OrderByDescending(e => e.DeliveredAt).ThenByDescending(e => e.Message.EffectId, StringComparer.Ordinal)];
    }

    private static string BlobName(EmailMessage message) => message.CaseId + "_" + message.EffectId.Replace(':', '_') + ".json";
}

/// <summary>The dev outbox in memory, for the in-memory mode.</summary>
public sealed class InMemoryDevOutbox(TimeProvider clock) : IDevOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEmail> emails = new(StringComparer.Ordinal);

    public Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        emails.TryAdd(message.EffectId, new OutboxEmail(message, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEmail>> ListAsync(string? caseId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEmail>>([.. emails.Values.Where(e => caseId is null || e.Message.CaseId == caseId).OrderByDescending(e => e.DeliveredAt).ThenByDescending(e => e.Message.EffectId, StringComparer.Ordinal)]);
}
