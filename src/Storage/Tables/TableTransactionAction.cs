using Azure;

namespace Reintegration.Storage.Tables;

/// <summary>What one operation of an entity group transaction does (names as in Azure.Data.Tables).</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with EntityAlreadyExists when the row exists.</summary>
    Add,

    /// <summary>Merge into an existing row, conditional on the ETag (default: any version).</summary>
    UpdateMerge,

    /// <summary>Replace an existing row, conditional on the ETag (default: any version).</summary>
    UpdateReplace,

    /// <summary>Delete a row, conditional on the ETag (default: any version).</summary>
    Delete,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,
}

/// <summary>One operation of an entity group transaction; <paramref name="ETag"/> is sent as If-Match for updates and deletes.</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);

/// <summary>The service's answer to one operation of a successful transaction: its status and the row's new ETag.</summary>
public sealed record TableTransactionResult(int Status, ETag? ETag);
