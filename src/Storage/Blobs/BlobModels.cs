using Azure;

namespace Reintegration.Storage.Blobs;

/// <summary>A downloaded blob: its bytes, version and content type.</summary>
public sealed record BlobDownload(BinaryData Content, ETag ETag, string ContentType, DateTimeOffset? LastModified);

/// <summary>One blob of a listing.</summary>
public sealed record BlobItem(string Name, ETag ETag, long ContentLength, string? ContentType, DateTimeOffset? LastModified);
