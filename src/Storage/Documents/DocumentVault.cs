using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Reintegration.Storage.Documents;

/// <summary>A stored document's name, type and size, as listed for a case.</summary>
public sealed record StoredDocument(string CaseId, string DocumentId, string ContentType, long Bytes);

/// <summary>
/// Case documents (ID papers, signed consent, attachments to reports) in blob storage, encrypted before upload with
/// AES-256-GCM under a key from configuration, as RIAT encrypts uploads. Format 2 (written now):
/// version 2 (1 byte) · key id length (1) · key id (ASCII) · nonce (12) · tag (16) · ciphertext, with the case id,
/// document id, content type and key id bound in as associated data, so a blob moved to another name or relabelled
/// with another key id does not decrypt. Format 1 (before key ids): version 1 · nonce · tag · ciphertext, read with
/// whichever configured key opens it. <see cref="ReencryptAsync"/> moves old documents to the current key.
/// </summary>
public sealed class DocumentVault : Reintegration.Domain.Runtime.ICaseDocuments
{
    private const byte FormatWithoutKeyId = 1;
    private const byte FormatVersion = 2;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly BlobContainerClient container;
    private readonly DocumentKeys keys;

    /// <summary>One key, with the id "1" (a deployment that never rotated).</summary>
    public DocumentVault(BlobContainerClient container, byte[] key)
        : this(container, new DocumentKeys("1", key))
    {
    }

    public DocumentVault(BlobContainerClient container, DocumentKeys keys)
    {
        this.container = container;
        this.keys = keys;
    }

    public BlobContainerClient Container => container;

    public async Task<StoredDocument> PutAsync(string caseId, string documentId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        // Created once: a document id is never overwritten.
        var sealedBytes = Seal(caseId, documentId, contentType, content.Span);
        await container.GetBlobClient(Name(caseId, documentId, contentType)).UploadAsync(
            BinaryData.FromBytes(sealedBytes), Upload(new BlobRequestConditions { IfNoneMatch = ETag.All }), cancellationToken);
        return new StoredDocument(caseId, documentId, contentType, content.Length);
    }

    public async Task<(StoredDocument Document, byte[] Content)?> GetAsync(string caseId, string documentId, CancellationToken cancellationToken = default)
    {
        await foreach (var item in List($"{caseId}/{documentId}/", cancellationToken))
        {
            var contentType = Uri.UnescapeDataString(item.Name[(caseId.Length + documentId.Length + 2)..]);
            if (await DownloadAsync(item.Name, cancellationToken) is not { } download)
            {
                return null;
            }

            var (plain, _) = Open(caseId, documentId, contentType, download.Bytes);
            return (new StoredDocument(caseId, documentId, contentType, plain.Length), plain);
        }

        return null;
    }

    /// <summary>
    /// Re-encrypts under the current key every document sealed under another key or without a key id, each only if
    /// it did not change meanwhile (an erased or rewritten document is left as it is). Returns how many it rewrote.
    /// </summary>
    public async Task<int> ReencryptAsync(CancellationToken cancellationToken = default)
    {
        var rewritten = 0;
        var names = new List<string>();
        await foreach (var item in List(null, cancellationToken))
        {
            names.Add(item.Name);
        }

        foreach (var name in names)
        {
            var parts = name.Split('/', 3);
            if (parts.Length != 3 || await DownloadAsync(name, cancellationToken) is not { } download)
            {
                continue;
            }

            var (caseId, documentId, contentType) = (parts[0], parts[1], Uri.UnescapeDataString(parts[2]));
            var (plain, keyId) = Open(caseId, documentId, contentType, download.Bytes);
            if (keyId == keys.CurrentId)
            {
                continue;
            }

            try
            {
                var resealed = BinaryData.FromBytes(Seal(caseId, documentId, contentType, plain));
                await container.GetBlobClient(name).UploadAsync(
                    resealed, Upload(new BlobRequestConditions { IfMatch = download.ETag }), cancellationToken);
                rewritten++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Deleted or changed since it was read: nothing to re-encrypt.
            }
        }

        return rewritten;
    }

    /// <summary>Deletes every document of a case (GDPR erasure).</summary>
    public async Task DeleteAllAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var item in List(caseId + "/", cancellationToken))
        {
            names.Add(item.Name);
        }

        foreach (var name in names)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Deletes one document of a case, e.g. one stored for a command that was then refused.</summary>
    public async Task DeleteAsync(string caseId, string documentId, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var item in List($"{caseId}/{documentId}/", cancellationToken))
        {
            names.Add(item.Name);
        }

        foreach (var name in names)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The encrypted bytes as stored, for tests that check nothing readable reaches storage.</summary>
    public async Task<byte[]?> RawAsync(string caseId, string documentId, string contentType, CancellationToken cancellationToken = default) =>
        (await DownloadAsync(Name(caseId, documentId, contentType), cancellationToken))?.Bytes;

    private IAsyncEnumerable<BlobItem> List(string? prefix, CancellationToken cancellationToken) =>
        container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken);

    private static BlobUploadOptions Upload(BlobRequestConditions conditions) => new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        Conditions = conditions,
    };

    private async Task<(byte[] Bytes, ETag ETag)?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return (download.Value.Content.ToArray(), download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string Name(string caseId, string documentId, string contentType) => $"{caseId}/{documentId}/{Uri.EscapeDataString(contentType)}";

    private byte[] Seal(string caseId, string documentId, string contentType, ReadOnlySpan<byte> content)
    {
        var keyId = Encoding.ASCII.GetBytes(keys.CurrentId);
        var header = 2 + keyId.Length;
        var sealedBytes = new byte[header + NonceBytes + TagBytes + content.Length];
        sealedBytes[0] = FormatVersion;
        sealedBytes[1] = (byte)keyId.Length;
        keyId.CopyTo(sealedBytes, 2);
        var nonce = sealedBytes.AsSpan(header, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Current, TagBytes);
        aes.Encrypt(
            nonce,
            content,
            sealedBytes.AsSpan(header + NonceBytes + TagBytes),
            sealedBytes.AsSpan(header + NonceBytes, TagBytes),
            Associated(caseId, documentId, contentType, keys.CurrentId));
        return sealedBytes;
    }

    /// <summary>The plain bytes and the id of the key that sealed them (null: a format-1 document).</summary>
    private (byte[] Plain, string? KeyId) Open(string caseId, string documentId, string contentType, byte[] sealedBytes)
    {
        if (sealedBytes.Length > 2 && sealedBytes[0] == FormatVersion
            && sealedBytes.Length >= 2 + sealedBytes[1] + NonceBytes + TagBytes)
        {
            var keyId = Encoding.ASCII.GetString(sealedBytes, 2, sealedBytes[1]);
            var key = keys.Find(keyId) ?? throw new CryptographicException(
                $"Document {documentId} of case {caseId} is sealed with key '{keyId}', which is not configured.");
            var associated = Associated(caseId, documentId, contentType, keyId);
            return (Decrypt(key, sealedBytes.AsSpan(2 + sealedBytes[1]), associated), keyId);
        }

        if (sealedBytes.Length >= 1 + NonceBytes + TagBytes && sealedBytes[0] == FormatWithoutKeyId)
        {
            // Sealed before key ids: try each configured key (GCM's tag tells a wrong key apart), the current first.
            AuthenticationTagMismatchException? mismatch = null;
            foreach (var key in keys.All)
            {
                try
                {
                    var associated = Encoding.UTF8.GetBytes($"{caseId}\n{documentId}\n{contentType}");
                    return (Decrypt(key, sealedBytes.AsSpan(1), associated), null);
                }
                catch (AuthenticationTagMismatchException ex)
                {
                    mismatch = ex;
                }
            }

            throw mismatch!;
        }

        throw new CryptographicException($"Document {documentId} of case {caseId} is not in a known format.");
    }

    /// <summary>Opens nonce · tag · ciphertext.</summary>
    private static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> sealedPart, byte[] associated)
    {
        var plain = new byte[sealedPart.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(
            sealedPart[..NonceBytes],
            sealedPart[(NonceBytes + TagBytes)..],
            sealedPart.Slice(NonceBytes, TagBytes),
            plain,
            associated);
        return plain;
    }

    private static byte[] Associated(string caseId, string documentId, string contentType, string keyId) =>
        Encoding.UTF8.GetBytes($"{caseId}\n{documentId}\n{contentType}\n{keyId}");
}
