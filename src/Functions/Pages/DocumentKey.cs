using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Pages;

/// <summary>
/// The document vault's keys: <c>Documents:KeyId</c> (default "1") and <c>Documents:Key</c> (base64, 32 bytes) seal new
/// documents; <c>Documents:PreviousKeyId</c>/<c>Documents:PreviousKey</c>, during a rotation, still open what the old
/// key sealed until <see cref="DocumentReencryption"/> has moved it. Development without a key gets a random one per
/// start (its documents are then unreadable after a restart, like its fresh Azurite data); elsewhere it is required.
/// </summary>
public static class DocumentKey
{
    public static DocumentKeys From(IConfiguration config, IHostEnvironment environment)
    {
        var current = Bytes(config, "Documents:Key") ?? (environment.IsDevelopment()
            ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
            : throw new InvalidOperationException(
                "Documents:Key is required: 32 random bytes in base64 (e.g. from Key Vault)."));
        var previousId = config["Documents:PreviousKeyId"] is { Length: > 0 } oldId ? oldId : "1";
        var previous = Bytes(config, "Documents:PreviousKey") is { } old
            ? [new KeyValuePair<string, byte[]>(previousId, old)]
            : Array.Empty<KeyValuePair<string, byte[]>>();
        try
        {
            return new DocumentKeys(config["Documents:KeyId"] is { Length: > 0 } id ? id : "1", current, previous);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                "Documents:KeyId and Documents:PreviousKeyId must be 1 to 64 printable characters without spaces.");
        }
    }

    private static byte[]? Bytes(IConfiguration config, string setting)
    {
        if (config[setting] is not { Length: > 0 } configured)
        {
            return null;
        }

        var key = Convert.TryFromBase64String(configured, new byte[64], out var written)
            ? Convert.FromBase64String(configured)
            : [];
        return written == 32 && key.Length == 32
            ? key
            : throw new InvalidOperationException($"{setting} must be 32 bytes in base64 (AES-256).");
    }
}

/// <summary>
/// During a document key rotation (a <c>Documents:PreviousKey</c> is set), re-encrypts at start-up, in the background,
/// every document not yet under the current key, and logs how many it moved. Safe on several instances at once: each
/// rewrite is conditional on the blob being unchanged.
/// </summary>
public sealed partial class DocumentReencryption(
    IServiceProvider services, IConfiguration config, ILogger<DocumentReencryption> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(config["Documents:PreviousKey"])
            || services.GetService<DocumentVault>() is not { } vault)
        {
            return;
        }

        try
        {
            Reencrypted(logger, await vault.ReencryptAsync(stoppingToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(
        EventId = 9100,
        Level = LogLevel.Information,
        Message = "Document key rotation: {Count} document(s) re-encrypted under the current key")]
    private static partial void Reencrypted(ILogger logger, int count);

    [LoggerMessage(
        EventId = 9101,
        Level = LogLevel.Warning,
        Message = "Document key rotation: re-encryption stopped ({Error}); it runs again at the next start")]
    private static partial void Failed(ILogger logger, string error);
}
