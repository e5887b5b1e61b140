using Azure;

namespace Reintegration.Storage;

/// <summary>
/// The one exception the storage clients throw for a service answer they cannot accept: the HTTP status, the
/// service's error code (ConditionNotMet, EntityAlreadyExists, BlobAlreadyExists, ResourceNotFound, TableNotFound,
/// UpdateConditionNotSatisfied, ...), and for an entity group transaction the index of the failing operation.
/// The message names the operation, status and code only: never entity, message or blob contents.
/// Derives from <see cref="RequestFailedException"/> so code written against the Azure SDKs still catches it.
/// </summary>
public sealed class StorageRequestException : RequestFailedException
{
    public StorageRequestException(int status, string? errorCode, string message, int? failedOperationIndex = null)
        : base(status, message, errorCode, null)
    {
        FailedOperationIndex = failedOperationIndex;
    }

    public StorageRequestException()
        : this(0, null, "A storage request failed.")
    {
    }

    public StorageRequestException(string message)
        : this(0, null, message)
    {
    }

    public StorageRequestException(string message, Exception innerException)
        : base(0, message, null, innerException)
    {
    }

    /// <summary>For an entity group transaction: the zero-based index of the operation the service rejected, if known.</summary>
    public int? FailedOperationIndex { get; }

    /// <summary>True for 409 Conflict and 412 Precondition Failed: someone else wrote first.</summary>
    public bool IsConflict => Status is 409 or 412;

    /// <summary>True when the service answered 404.</summary>
    public bool IsNotFound => Status == 404;
}
