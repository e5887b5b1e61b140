using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Storage.Cases;

/// <summary>
/// The read model on Azure Tables, as the case orchestration projects it. Each case is one partition: row
/// <c>snapshot</c>, rows <c>e-{version}</c> (events) and <c>s-{placeholder}</c> (sealed personal fields). Partition
/// <c>~starts</c> (no case id starts with "~") holds a row per case whose start is noted and not settled yet.
/// </summary>
public sealed class TableReadModel(TableClient table) : ICaseReadModel
{
    private const string Snapshot = "snapshot";
    private const string Starts = "~starts";

    public TableClient Table => table;

    public async Task<CaseState?> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, Snapshot, cancellationToken: cancellationToken);
        return row.HasValue ? CaseJson.Deserialize<CaseState>(EntityPayload.Read(row.Value!)) : null;
    }

    /// <summary>
    /// Events first, the snapshot last, in transactions of up to 100 rows: a reader never sees a snapshot ahead of its
    /// events. The snapshot is never set back: an activity runs at least once, and a projection of an older generation
    /// retried after a newer one (its worker killed, its message visible again a minute later) leaves the newer snapshot
    /// (the 200-case fault run found 7 cases whose snapshot had gone back a version). The write is conditional on the
    /// snapshot read, so a concurrent newer one fails it and the activity's retry reads again.
    /// </summary>
    public async Task<bool> ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(state.CaseId, Snapshot, ["Version"], cancellationToken);
        if (stored.HasValue && stored.Value!.GetInt64("Version") is { } newer && newer > state.Version)
        {
            return false;
        }

        var actions = events.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(state.CaseId, e))).ToList();
        var snapshot = EntityPayload.Write(
            new TableEntity(state.CaseId, Snapshot) { ["Version"] = state.Version, ["Stage"] = state.Stage.ToString() },
            CaseJson.Serialize(state));
        actions.Add(stored.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, snapshot, stored.Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, snapshot));

        foreach (var chunk in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// All of a command's secrets in one transaction (they share the case's partition): one round trip on the intake's
    /// answer path instead of one a secret. A repeat of the command finds them kept already (409): then each row is
    /// added on its own, so the rows a repeat does not change are told from any it adds.
    /// </summary>
    public async Task<IReadOnlyList<string>> KeepSecretsAsync(
        string caseId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count is > 0 and <= 100)
        {
            try
            {
                await table.SubmitTransactionAsync(
                    secrets.Select(s => new TableTransactionAction(TableTransactionActionType.Add, SecretEntity(caseId, s.Key, s.Value))),
                    cancellationToken);
                return [.. secrets.Keys];
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Some are kept already: row by row below.
            }
        }

        var added = new List<string>();
        foreach (var (placeholder, value) in secrets)
        {
            try
            {
                await table.AddEntityAsync(SecretEntity(caseId, placeholder, value), cancellationToken);
                added.Add(placeholder);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Kept by the first use of this command id: a repeat does not change it.
            }
        }

        return added;
    }

    private static TableEntity SecretEntity(string caseId, string placeholder, string value) =>
        new(caseId, SecretRow(placeholder)) { ["Placeholder"] = placeholder, ["Value"] = value };

    public async Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge 's-' and RowKey lt 's.'");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken))
        {
            secrets[row.GetString("Placeholder")!] = row.GetString("Value")!;
        }

        return secrets;
    }

    public async Task ForgetSecretsAsync(string caseId, IReadOnlyList<string>? placeholders = null, CancellationToken cancellationToken = default)
    {
        foreach (var placeholder in placeholders ?? [.. (await ReadSecretsAsync(caseId, cancellationToken)).Keys])
        {
            await table.DeleteEntityAsync(caseId, SecretRow(placeholder), cancellationToken: cancellationToken);
        }
    }

    public async Task NoteStartAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(new TableEntity(Starts, caseId) { ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    public async Task SettleStartAsync(string caseId, CancellationToken cancellationToken = default) =>
        await table.DeleteEntityAsync(Starts, caseId, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<string>> UnsettledStartsAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var unsettled = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Starts} and At lt {before}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["RowKey"], cancellationToken))
        {
            unsettled.Add(row.RowKey);
        }

        return unsettled;
    }

    // A placeholder is ⟦16 hex⟧: the hex is the row key.
    private static string SecretRow(string placeholder) => "s-" + placeholder.Trim('⟦', '⟧');

    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var events = new List<RecordedEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge 'e-' and RowKey lt 'e.'");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken))
        {
            events.Add(new RecordedEvent(row.GetInt64("Version")!.Value, CaseJson.Deserialize<CaseEvent>(EntityPayload.Read(row))));
        }

        return events;
    }

    /// <summary>Replaces each event row with its redacted form (one write per changed row; re-running changes nothing more).</summary>
    public async Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default)
    {
        foreach (var recorded in await ReadEventsAsync(caseId, cancellationToken))
        {
            var redacted = redact(recorded.Event);
            if (!CaseJson.Serialize(redacted).AsSpan().SequenceEqual(CaseJson.Serialize(recorded.Event)))
            {
                await table.UpsertEntityAsync(EventRow(caseId, recorded with { Event = redacted }), TableUpdateMode.Replace, cancellationToken);
            }
        }
    }

    private static TableEntity EventRow(string caseId, RecordedEvent recorded) =>
        EntityPayload.Write(
            new TableEntity(caseId, "e-" + recorded.Version.ToString("D10", CultureInfo.InvariantCulture)) { ["Version"] = recorded.Version, ["Type"] = recorded.Event.GetType().Name },
            CaseJson.Serialize(recorded.Event));
}
