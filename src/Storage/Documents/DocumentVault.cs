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
/// AES-256-GCM under a key from configuration, as RIAT encrypts uploads. The blob holds
/// version (1 byte) · nonce (12) · tag (16) · ciphertext; the case id and document id are bound in as associated data,
/// so a blob moved to another name does not decrypt.
/// </summary>
public sealed class DocumentVault : Reintegration.Domain.Runtime.ICaseDocuments
{
    private const byte FormatVersion = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly BlobContainerClient container;
    private readonly byte[] key;

    public DocumentVault(BlobContainerClient container, byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The document key must be 32 bytes (AES-256).", nameof(key));
        }

        this.container = container;
        this.key = key;
    }

    public BlobContainerClient Container => container;

    public async Task<StoredDocument> PutAsync(string caseId, string documentId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sealedBytes = new byte[1 + NonceBytes + TagBytes + content.Length];
        sealedBytes[0] = FormatVersion;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, content.Span, sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), Associated(caseId, documentId, contentType));
        }

        // Created once: a document id is never overwritten.
        await container.GetBlobClient(Name(caseId, documentId, contentType)).UploadAsync(
            BinaryData.FromBytes(sealedBytes), CreateOnce, cancellationToken);
        return new StoredDocument(caseId, documentId, contentType, content.Length);
    }

    public async Task<(StoredDocument Document, byte[] Content)?> GetAsync(string caseId, string documentId, CancellationToken cancellationToken = default)
    {
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{caseId}/{documentId}/", cancellationToken: cancellationToken))
        {
            var contentType = Uri.UnescapeDataString(item.Name[(caseId.Length + documentId.Length + 2)..]);
            if (await DownloadAsync(item.Name, cancellationToken) is not { } sealedBytes)
            {
                return null;
            }

            if (sealedBytes.Length < 1 + NonceBytes + TagBytes || sealedBytes[0] != FormatVersion)
            {
                throw new CryptographicException($"Document {documentId} of case {caseId} is not in a known format.");
            }

            var plain = new byte[sealedBytes.Length - 1 - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), plain, Associated(caseId, documentId, contentType));
            return (new StoredDocument(caseId, documentId, contentType, plain.Length), plain);
        }

        return null;
    }

    /// <summary>Deletes every document of a case (GDPR erasure).</summary>
    public async Task DeleteAllAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, caseId + "/", cancellationToken: cancellationToken))
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
        var prefix = $"{caseId}/{documentId}/";
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(item.Name);
        }

        foreach (var name in names)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The encrypted bytes as stored, for tests that check nothing readable reaches storage.</summary>
    public Task<byte[]?> RawAsync(string caseId, string documentId, string contentType, CancellationToken cancellationToken = default) =>
        DownloadAsync(Name(caseId, documentId, contentType), cancellationToken);

    private static readonly BlobUploadOptions CreateOnce = new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
    };

    private async Task<byte[]?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string Name(string caseId, string documentId, string contentType) => $"{caseId}/{documentId}/{Uri.EscapeDataString(contentType)}";

    private static byte[] Associated(string caseId, string documentId, string contentType) => Encoding.UTF8.GetBytes($"{caseId}\n{documentId}\n{contentType}");
}
