using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reintegration.Functions.Email;

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
    public BlobContainerClient Container => container;

    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new OutboxEmail(message, clock.GetUtcNow()));
        try
        {
            await container.GetBlobClient(BlobName(message)).UploadAsync(BinaryData.FromBytes(body), CreateOnce, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already delivered: effects run at least once, e-mails land once.
        }
    }

    public async Task<IReadOnlyList<OutboxEmail>> ListAsync(string? caseId = null, CancellationToken cancellationToken = default)
    {
        var emails = new List<OutboxEmail>();
        var prefix = caseId is null ? null : caseId + "_";
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            try
            {
                var download = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
                emails.Add(JsonSerializer.Deserialize<OutboxEmail>(download.Value.Content.ToMemory().Span)!);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted between the listing and the read.
            }
        }

        return [.. emails.OrderByDescending(e => e.DeliveredAt).ThenByDescending(e => e.Message.EffectId, StringComparer.Ordinal)];
    }

    private static readonly BlobUploadOptions CreateOnce = new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
    };

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
