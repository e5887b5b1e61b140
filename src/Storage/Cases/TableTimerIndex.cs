using System.Globalization;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Storage.Tables;

namespace Reintegration.Storage.Cases;

/// <summary>
/// Durable timers on Azure Tables. Partition = due day + shard (<c>20270131-03</c>), so a busy day is spread over
/// shards; row = due ticks + timer id, so a sweep reads only the rows already due (<c>RowKey le now</c>) from the
/// partitions between its cursor and today, never the future ones.
/// </summary>
public sealed class TableTimerIndex(TableClient table, int shards = 4) : ITimerIndex
{
    private const string CursorPartition = "cursor";
    private const string CursorRow = "sweep";

    public TableClient Table => table;

    /// <summary>Creates the table and, on first use, the sweep's cursor at the day before <paramref name="now"/>.</summary>
    public async Task InitializeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        if (await table.GetEntityIfExistsAsync(CursorPartition, CursorRow, cancellationToken: cancellationToken) is null)
        {
            var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
            await table.UpsertEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["Day"] = start.ToString("yyyyMMdd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken);
        }
    }

    public Task ScheduleAsync(CaseTimer timer, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(Row(timer, Partition(timer)), cancellationToken: cancellationToken);

    private static TableEntity Row(CaseTimer timer, string partition) => new(partition, Row(timer))
    {
        ["CaseId"] = timer.CaseId,
        ["Kind"] = timer.Kind.ToString(),
        ["Round"] = timer.Round,
        ["DueAt"] = timer.DueAt,
    };

    /// <summary>Sets many timers in entity group transactions of up to 100 per partition (bulk loads, benchmarks).</summary>
    public async Task ScheduleManyAsync(IEnumerable<CaseTimer> timers, CancellationToken cancellationToken = default)
    {
        foreach (var partition in timers.GroupBy(Partition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(t, partition.Key))), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<CaseTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cursor = await table.GetEntityIfExistsAsync(CursorPartition, CursorRow, cancellationToken: cancellationToken);
        var from = cursor?.GetString("Day") is { } day ? DateOnly.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture) : today.AddDays(-1);
        var due = new List<CaseTimer>();
        DateOnly? oldestWithRows = null;
        for (var date = from; date <= today && due.Count < max; date = date.AddDays(1))
        {
            for (var shard = 0; shard < shards && due.Count < max; shard++)
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Bucket(date, shard)} and RowKey le {now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "~"}");
                await foreach (var row in table.QueryAsync(filter, Math.Min(max, 1000), cancellationToken: cancellationToken))
                {
                    due.Add(new CaseTimer(row.GetString("CaseId")!, Enum.Parse<TimerKind>(row.GetString("Kind")!), row.GetInt32("Round")!.Value, row.GetDateTimeOffset("DueAt")!.Value));
                    oldestWithRows ??= date;
                    if (due.Count >= max)
                    {
                        break;
                    }
                }
            }
        }

        // The cursor never passes a day that still held due rows: a crash before they are removed finds them again.
        var next = oldestWithRows is { } oldest && oldest < today.AddDays(-1) ? oldest : today.AddDays(-1);
        if (next > from)
        {
            await table.UpsertEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["Day"] = next.ToString("yyyyMMdd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken);
        }

        return due;
    }

    public Task RemoveAsync(CaseTimer timer, CancellationToken cancellationToken = default) =>
        table.DeleteEntityAsync(Partition(timer), Row(timer), cancellationToken: cancellationToken);

    private string Partition(CaseTimer timer) =>
        Bucket(DateOnly.FromDateTime(timer.DueAt.UtcDateTime), (int)(StableHash(timer.CaseId) % (uint)shards));

    private static string Bucket(DateOnly day, int shard) => $"{day:yyyyMMdd}-{shard:D2}";

    private static string Row(CaseTimer timer) => $"{timer.DueAt.UtcTicks:D19}-{timer.TimerId}";

    // Not string.GetHashCode: it differs per process, and the shard must be the same on every instance.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
