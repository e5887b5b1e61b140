using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Storage.Cases;

/// <summary>
/// The case store on Azure Tables. Each case is one partition: row <c>snapshot</c>, rows <c>e-{version}</c> (events),
/// <c>c-{hash(commandId)}</c> (processed commands) and <c>o-{effectId}</c> (outbox). A commit is one entity group
/// transaction conditional on the snapshot's ETag, so commands are exactly-once. Also the read model the case
/// orchestration projects to (same rows: snapshot and events).
/// </summary>
public sealed class TableCaseStore(TableClient table) : ICaseStore, ICaseReadModel
{
    private const string Snapshot = "snapshot";

    public TableClient Table => table;

    public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, Snapshot, cancellationToken: cancellationToken);
        return row.HasValue
            ? new StoredCase(CaseJson.Deserialize<CaseState>(EntityPayload.Read(row.Value!)), row.Value!.ETag.ToString())
            : null;
    }

    public async Task<CaseState?> ReadAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(caseId, cancellationToken))?.State;

    /// <summary>Events first, the snapshot last, in transactions of up to 100 rows: a reader never sees a snapshot ahead of its events.</summary>
    public async Task ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        var rows = events.Select(e => EventRow(state.CaseId, e))
            .Append(EntityPayload.Write(
                new TableEntity(state.CaseId, Snapshot) { ["Version"] = state.Version, ["Stage"] = state.Stage.ToString() },
                CaseJson.Serialize(state)));
        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> KeepSecretsAsync(
        string caseId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default)
    {
        var added = new List<string>();
        foreach (var (placeholder, value) in secrets)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(caseId, SecretRow(placeholder)) { ["Placeholder"] = placeholder, ["Value"] = value }, cancellationToken);
                added.Add(placeholder);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Kept by the first use of this command id: a repeat does not change it.
            }
        }

        return added;
    }

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

    // A placeholder is ⟦16 hex⟧: the hex is the row key.
    private static string SecretRow(string placeholder) => "s-" + placeholder.Trim('⟦', '⟧');

    public async Task<bool> WasProcessedAsync(string caseId, string commandId, CancellationToken cancellationToken = default) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(caseId, CommandRow(commandId), ["PartitionKey"], cancellationToken)).HasValue;

    public async Task<string> CommitAsync(CaseCommit commit, DateTimeOffset committedAt, CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction>
        {
            commit.ExpectedETag is null
                ? new(TableTransactionActionType.Add, SnapshotRow(commit))
                : new(TableTransactionActionType.UpdateReplace, SnapshotRow(commit), new ETag(commit.ExpectedETag)),
            new(TableTransactionActionType.Add, new TableEntity(commit.CaseId, CommandRow(commit.CommandId)) { ["At"] = committedAt }),
        };
        actions.AddRange(commit.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(commit.CaseId, e))));
        actions.AddRange(commit.Effects.Select(effect => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            EntityPayload.Write(new TableEntity(commit.CaseId, OutboxRow(effect.EffectId)) { ["CommittedAt"] = committedAt }, CaseJson.Serialize(effect)))));
        try
        {
            var results = await table.SubmitTransactionAsync(actions, cancellationToken);
            return results.Value[0].Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("The service returned no ETag for the snapshot.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new CaseConcurrencyException($"Case {commit.CaseId} changed since it was read ({ex.Status} {ex.ErrorCode}).", ex);
        }
    }

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

    /// <summary>A scan across partitions: run rarely (the recovery sweep), it finds what a crash left in any outbox.</summary>
    public async Task<IReadOnlyList<PendingEffect>> PendingEffectsAsync(int max, CancellationToken cancellationToken = default)
    {
        var pending = new List<PendingEffect>();
        await foreach (var row in table.QueryAsync<TableEntity>("RowKey ge 'o-' and RowKey lt 'o.'", Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            pending.Add(new PendingEffect(row.PartitionKey, CaseJson.Deserialize<CaseEffect>(EntityPayload.Read(row)), row.GetDateTimeOffset("CommittedAt")!.Value));
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending;
    }

    public Task CompleteEffectAsync(string caseId, string effectId, CancellationToken cancellationToken = default) =>
        table.DeleteEntityAsync(caseId, OutboxRow(effectId), cancellationToken: cancellationToken);

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

    private static TableEntity SnapshotRow(CaseCommit commit) =>
        EntityPayload.Write(new TableEntity(commit.CaseId, Snapshot) { ["Version"] = commit.State.Version, ["Stage"] = commit.State.Stage.ToString() }, CaseJson.Serialize(commit.State));

    private static TableEntity EventRow(string caseId, RecordedEvent recorded) =>
        EntityPayload.Write(
            new TableEntity(caseId, "e-" + recorded.Version.ToString("D10", CultureInfo.InvariantCulture)) { ["Version"] = recorded.Version, ["Type"] = recorded.Event.GetType().Name },
            CaseJson.Serialize(recorded.Event));

    // Command ids come from outside (headers, webhooks): hashed, they are always valid row keys.
    private static string CommandRow(string commandId) =>
        "c-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(commandId))).ToLowerInvariant();

    private static string OutboxRow(string effectId) => "o-" + effectId.Replace('/', '_').Replace('#', '_').Replace('?', '_').Replace('\\', '_');
}
