using Azure.Core;

namespace Reintegration.Storage.Pipeline;

/// <summary>
/// Which answers Azure.Core's retry policy retries: 408, 429, 500, 502, 503 and 504 (plus transport failures, which
/// the base class handles). 409 and 412 are decisions, not faults: never retried.
/// </summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public static StorageResponseClassifier Shared { get; } = new();

    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status is 408 or 429 or 500 or 502 or 503 or 504;
}
