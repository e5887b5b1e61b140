using Azure.Data.Tables;

namespace Reintegration.Functions.Email;

/// <summary>
/// The send log on Azure Tables: one partition per case, one row per effect, its status and when it was written.
/// Keys are escaped, as table keys may not hold '/', '\', '#', '?' or control characters.
/// </summary>
public sealed class TableEmailSendLog(TableClient table) : IEmailSendLog
{
    public TableClient Table => table;

    public async Task<EmailSendStatus?> StatusAsync(string caseId, string effectId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            Key(caseId), Key(effectId), ["Status"], cancellationToken);
        return row.HasValue && Enum.TryParse<EmailSendStatus>(row.Value!.GetString("Status"), out var status)
            ? status
            : null;
    }

    public Task RecordAsync(
        string caseId, string effectId, EmailSendStatus status, DateTimeOffset at, CancellationToken cancellationToken)
        => table.UpsertEntityAsync(
            new TableEntity(Key(caseId), Key(effectId)) { ["Status"] = status.ToString(), ["At"] = at },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string Key(string id) => Uri.EscapeDataString(id);
}
