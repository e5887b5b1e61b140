using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Runs up to 100 operations on one partition as one entity group transaction (<c>$batch</c>): all apply or none.
    /// A rejected operation throws <see cref="StorageRequestException"/> with its status, error code and
    /// <see cref="StorageRequestException.FailedOperationIndex"/>.
    /// </summary>
    public async Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var (body, contentType) = TableBatchRequest.Write(this, list);

        using var message = _pipeline.CreateMessage(RequestMethod.Post, ResourceUri("$batch"));
        message.Request.Headers.SetValue("Accept", AcceptMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);

        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Transaction in {Name}", 202);
        return TableBatchResponse.Interpret(Name, list.Count, response.Content.ToString(), response.ClientRequestId);
    }
}
