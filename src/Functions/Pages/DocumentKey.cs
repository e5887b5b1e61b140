namespace Reintegration.Functions.Pages;

/// <summary>
/// The document vault's AES-256 key from <c>Documents:Key</c> (base64, 32 bytes). Development without one gets a random
/// key per start (its documents are then unreadable after a restart, like its fresh Azurite data); elsewhere it is required.
/// </summary>
public static class DocumentKey
{
    public static byte[] From(IConfiguration config, IHostEnvironment environment)
    {
        if (config["Documents:Key"] is { Length: > 0 } configured)
        {
            var key = Convert.TryFromBase64String(configured, new byte[64], out var written) ? Convert.FromBase64String(configured) : [];
            return written == 32 && key.Length == 32 ? key : throw new InvalidOperationException("Documents:Key must be 32 bytes in base64 (AES-256).");
        }

        return environment.IsDevelopment()
            ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
            : throw new InvalidOperationException("Documents:Key is required: 32 random bytes in base64 (e.g. from Key Vault).");
    }
}
