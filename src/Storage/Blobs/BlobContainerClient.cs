using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Blobs;

/// <summary>
/// A thin REST client for one blob container and its block blobs (SharedKey or Entra ID), shaped like
/// Azure.Storage.Blobs.BlobContainerClient. Failures throw <see cref="StorageRequestException"/>.
/// </summary>
public sealed partial class BlobContainerClient
{
    private readonly StorageRestPipeline _pipeline;
    private readonly Uri _containerUri;

    public BlobContainerClient(string connectionString, string containerName, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), containerName, options)
    {
    }

    public BlobContainerClient(StorageConnection connection, string containerName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!ContainerNamePattern().IsMatch(containerName ?? string.Empty) || containerName!.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{containerName}' is not a valid container name (3-63 lowercase letters, digits and single hyphens).", nameof(containerName));
        }

        Name = containerName;
        _containerUri = new Uri($"{connection.RequireEndpoint(connection.BlobEndpoint, "Blob").AbsoluteUri.TrimEnd('/')}/{containerName}");
        _pipeline = new StorageRestPipeline(connection, options, SharedKeyScheme.SharedKey);
    }

    public string Name { get; }

    public Uri Uri => _containerUri;

    /// <summary>Creates the (private) container; an existing container is fine.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(_containerUri + "?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageErrors.ErrorCodeOf(response) == "ContainerAlreadyExists")
        {
            return;
        }

        StorageErrors.ThrowUnless(response, $"Create container {Name}", 201);
    }

    /// <summary>Deletes the container and its blobs; a missing container is fine.</summary>
    public async Task DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, new Uri(_containerUri + "?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Delete container {Name}", 202, 404);
    }

    /// <summary>
    /// Writes a block blob in one request. <paramref name="ifNoneMatch"/> = <see cref="ETag.All"/> creates only
    /// (409 BlobAlreadyExists if it exists); <paramref name="ifMatch"/> overwrites only that version (412 ConditionNotMet).
    /// </summary>
    public async Task<ETag> UploadBlobAsync(
        string blobName, BinaryData content, string contentType = "application/octet-stream",
        ETag? ifMatch = null, ETag? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobUri(blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        message.Request.Headers.SetValue("Content-Type", contentType);
        SetConditions(message, ifMatch, ifNoneMatch);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Put blob in {Name}", 201);
        return response.Headers.ETag ?? default;
    }

    /// <summary>The blob's content, ETag and content type, or null when the blob does not exist.</summary>
    public async Task<BlobDownload?> DownloadIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, BlobUri(blobName));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404 && StorageErrors.ErrorCodeOf(response) is "BlobNotFound" or null)
        {
            return null;
        }

        StorageErrors.ThrowUnless(response, $"Get blob from {Name}", 200);
        response.Headers.TryGetValue("Content-Type", out var contentType);
        response.Headers.TryGetValue("Last-Modified", out var lastModified);
        return new BlobDownload(
            BinaryData.FromBytes(response.Content.ToArray()),
            response.Headers.ETag ?? default,
            contentType ?? "application/octet-stream",
            DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null);
    }

    /// <summary>Deletes a blob (only that version if <paramref name="ifMatch"/> is given); false when it did not exist.</summary>
    public async Task<bool> DeleteBlobIfExistsAsync(string blobName, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, BlobUri(blobName));
        SetConditions(message, ifMatch, null);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404 && StorageErrors.ErrorCodeOf(response) is "BlobNotFound" or null)
        {
            return false;
        }

        StorageErrors.ThrowUnless(response, $"Delete blob from {Name}", 202);
        return true;
    }

    private static void SetConditions(HttpMessage message, ETag? ifMatch, ETag? ifNoneMatch)
    {
        if (ifMatch is { } match)
        {
            message.Request.Headers.SetValue("If-Match", match.ToString("H"));
        }

        if (ifNoneMatch is { } noneMatch)
        {
            message.Request.Headers.SetValue("If-None-Match", noneMatch.ToString("H"));
        }
    }

    private Uri BlobUri(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException("A blob name has at most 1024 characters.", nameof(blobName));
        }

        return new Uri($"{_containerUri.AbsoluteUri}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerNamePattern();
}
