using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Storage.Cases;

/// <summary>
/// Durable timers on Azure Tables, one table per due day (<c>timers20270131</c>): partition = shard (<c>03</c>), so a
/// busy day is spread over shards; row = due ticks + timer id, so a sweep reads only the rows already due
/// (<c>RowKey le now</c>). The sweep's cursor lives in the table named by <c>tableName</c> itself; a sweep queries
/// only the day tables from the cursor to today and never a table that holds future timers, so its cost does not grow
/// with the timers waiting for later days (on Azurite, which scans a whole table for any query, that matters).
/// A day table is made by its first timer; a day without a table has no timers. A timer set for a day the cursor has
/// passed moves the cursor back to it. Day tables are never deleted: a day behind the cursor can still be written to
/// by a late effect, and Azure refuses a deleted table's name for a while (about 40 s).
/// </summary>
public sealed class TableTimerIndex : ITimerIndex
{
    private readonly TimerDayTables days;
    private readonly SweepCursor cursor;
    private readonly int shards;
    private readonly TimeProvider clock;

    /// <param name="clock">The clock the sweep runs on: a timer due today or earlier by it may be behind the cursor.</param>
    public TableTimerIndex(StorageAccount account, string tableName = "timers", int shards = 4, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        cursor = new SweepCursor(account.Table(tableName));
        days = new TimerDayTables(account, tableName);
        this.shards = shards;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The table holding the sweep's cursor (the first day the next sweep reads).</summary>
    public TableClient CursorTable => cursor.Table;

    /// <summary>The name of the table holding the timers due on <paramref name="day"/> (UTC).</summary>
    public string DayTableName(DateOnly day) => days.NameOf(day);

    /// <summary>Creates the cursor's table and, on first use, the sweep's cursor at the day before <paramref name="now"/>.</summary>
    public Task InitializeAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        cursor.InitializeAsync(DayOf(now).AddDays(-1), cancellationToken);

    public async Task ScheduleAsync(CaseTimer timer, CancellationToken cancellationToken = default)
    {
        await days.WriteAsync(DayOf(timer.DueAt), table => table.UpsertEntityAsync(Row(timer), TableUpdateMode.Replace, cancellationToken), cancellationToken);
        await KeepInSweepAsync(DayOf(timer.DueAt), cancellationToken);
    }

    /// <summary>
    /// Sets many timers in entity group transactions of up to 100 per day and shard, <paramref name="parallel"/> at a
    /// time (bulk loads, benchmarks).
    /// </summary>
    public async Task ScheduleManyAsync(IEnumerable<CaseTimer> timers, int parallel = 1, CancellationToken cancellationToken = default)
    {
        var batches = timers.GroupBy(t => (Day: DayOf(t.DueAt), Shard: ShardOf(t)))
            .SelectMany(group => group.Chunk(100).Select(chunk => (group.Key.Day, Rows: chunk))).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, (batch, token) =>
            new ValueTask(days.WriteAsync(batch.Day, table => table.SubmitTransactionAsync(
                batch.Rows.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(t))), token), token)));
        if (batches.Count > 0)
        {
            await KeepInSweepAsync(batches.Min(b => b.Day), cancellationToken);
        }
    }

    // The row first, then the cursor: however a sweep running meanwhile interleaves, the cursor ends at or before the
    // row's day. Only a timer due today or earlier can be behind the cursor (it never passes yesterday), with a day to
    // spare for clocks that disagree; the usual timer, due later, costs no cursor read.
    private Task KeepInSweepAsync(DateOnly day, CancellationToken cancellationToken) =>
        day <= DayOf(clock.GetUtcNow()) ? cursor.KeepAtOrBeforeAsync(day, cancellationToken) : Task.CompletedTask;

    public async Task<IReadOnlyList<CaseTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var today = DayOf(now);
        var read = await cursor.ReadAsync(cancellationToken);
        var from = read?.Day ?? today.AddDays(-1);
        var due = new List<CaseTimer>();
        DateOnly? oldestWithRows = null;
        for (var date = from; date <= today && due.Count < max; date = date.AddDays(1))
        {
            if (await ReadDueAsync(days.For(date), now, max, due, cancellationToken))
            {
                oldestWithRows ??= date;
            }
        }

        // The cursor never passes a day that still held due rows (a crash before they are removed finds them again), nor
        // yesterday (a timer set late for yesterday is found). Moved only if nobody moved it back meanwhile.
        var next = oldestWithRows is { } oldest && oldest < today.AddDays(-1) ? oldest : today.AddDays(-1);
        if (read is { } known && next > from)
        {
            await cursor.TryMoveAsync(next, known.ETag, cancellationToken);
        }

        return due;
    }

    public Task RemoveAsync(CaseTimer timer, CancellationToken cancellationToken = default) =>
        days.For(DayOf(timer.DueAt)).DeleteEntityAsync(Shard(ShardOf(timer)), RowKey(timer), cancellationToken: cancellationToken);

    /// <summary>Adds the day's due rows, shard by shard, up to <paramref name="max"/>; true when it found any. No table, no timers.</summary>
    private async Task<bool> ReadDueAsync(TableClient day, DateTimeOffset now, int max, List<CaseTimer> due, CancellationToken cancellationToken)
    {
        var before = due.Count;
        for (var shard = 0; shard < shards && due.Count < max; shard++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Shard(shard)} and RowKey le {now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "~"}");
            try
            {
                await foreach (var row in day.QueryAsync<TableEntity>(filter, Math.Min(max - due.Count, 1000), cancellationToken: cancellationToken))
                {
                    due.Add(new CaseTimer(row.GetString("CaseId")!, Enum.Parse<TimerKind>(row.GetString("Kind")!), row.GetInt32("Round")!.Value, row.GetDateTimeOffset("DueAt")!.Value));
                    if (due.Count >= max)
                    {
                        break;
                    }
                }
            }
            catch (RequestFailedException e) when (TimerDayTables.IsMissingTable(e))
            {
                break;
            }
        }

        return due.Count > before;
    }

    private TableEntity Row(CaseTimer timer) => new(Shard(ShardOf(timer)), RowKey(timer))
    {
        ["CaseId"] = timer.CaseId,
        ["Kind"] = timer.Kind.ToString(),
        ["Round"] = timer.Round,
        ["DueAt"] = timer.DueAt,
    };

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private int ShardOf(CaseTimer timer) => (int)(StableHash(timer.CaseId) % (uint)shards);

    private static string Shard(int shard) => shard.ToString("D2", CultureInfo.InvariantCulture);

    private static string RowKey(CaseTimer timer) => $"{timer.DueAt.UtcTicks:D19}-{timer.TimerId}";

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
