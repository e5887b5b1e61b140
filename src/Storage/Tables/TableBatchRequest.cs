using System.Text;

namespace Reintegration.Storage.Tables;

/// <summary>
/// Writes a Table <c>$batch</c> body: multipart/mixed holding one changeset, each operation an application/http part
/// with an absolute URL. Limits: 1 to 100 operations, one partition, 4 MiB.
/// </summary>
internal static class TableBatchRequest
{
    public const int MaxOperations = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static (byte[] Body, string ContentType) Write(TableClient table, IReadOnlyList<TableTransactionAction> actions)
    {
        Validate(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");

        foreach (var action in actions)
        {
            var (method, relative, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", table.Name, false, true),
                TableTransactionActionType.UpsertReplace => ("PUT", table.EntityPath(action.Entity), false, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", table.EntityPath(action.Entity), false, true),
                TableTransactionActionType.UpdateReplace => ("PUT", table.EntityPath(action.Entity), true, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", table.EntityPath(action.Entity), true, true),
                TableTransactionActionType.Delete => ("DELETE", table.EntityPath(action.Entity), true, false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            text.Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(table.ResourceUri(relative).AbsoluteUri).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(TableClient.AcceptMinimalMetadata).Append("\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch)
            {
                text.Append("If-Match: ").Append(TableClient.IfMatchValue(action.ETag)).Append("\r\n");
            }

            if (hasBody)
            {
                text.Append("Content-Type: application/json\r\n")
                    .Append("Prefer: return-no-content\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(action.Entity))).Append("\r\n");
            }
            else
            {
                text.Append("\r\n");
            }
        }

        text.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");

        var body = Encoding.UTF8.GetBytes(text.ToString());
        if (body.Length > MaxBodyBytes)
        {
            throw new ArgumentException($"The transaction is {body.Length} bytes; a batch may carry at most 4 MiB.", nameof(actions));
        }

        return (body, "multipart/mixed; boundary=" + batchBoundary);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxOperations)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxOperations} operations, not {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action.Entity, nameof(actions));
            TableClient.ValidateKeys(action.Entity);
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("All operations of a transaction must be in one partition.", nameof(actions));
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException("A transaction may touch each row only once.", nameof(actions));
            }
        }
    }
}
