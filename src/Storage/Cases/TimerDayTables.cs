using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Reintegration.Storage.Cases;

/// <summary>
/// The timer index's day tables, one per due day (<c>timers20270131</c>), made on the first write: a write that meets
/// TableNotFound creates the table and writes again. Clients are kept per day; a table's existence is not, because the
/// first write finds it out for free.
/// </summary>
internal sealed class TimerDayTables
{
    private const int DayLength = 8;
    private const int MaxCachedDays = 1024;
    private readonly ConcurrentDictionary<DateOnly, TableClient> tables = new();
    private readonly StorageAccount account;
    private readonly string baseName;

    public TimerDayTables(StorageAccount account, string baseName)
    {
        if (baseName.Length > 63 - DayLength)
        {
            throw new ArgumentException($"'{baseName}' leaves no room for the due day in a table name (at most {63 - DayLength} characters).", nameof(baseName));
        }

        (this.account, this.baseName) = (account, baseName);
    }

    public TableClient For(DateOnly day)
    {
        // Bounded: a long-running instance meets a new day every day, and an old day's client is rarely wanted again.
        if (tables.Count >= MaxCachedDays && !tables.ContainsKey(day))
        {
            tables.Clear();
        }

        return tables.GetOrAdd(day, d => account.Table(NameOf(d)));
    }

    public string NameOf(DateOnly day) => $"{baseName}{day:yyyyMMdd}";

    /// <summary>Runs <paramref name="write"/> on the day's table; when the table is missing, creates it and runs it again.</summary>
    public async Task WriteAsync(DateOnly day, Func<TableClient, Task> write, CancellationToken cancellationToken)
    {
        var table = For(day);
        try
        {
            await write(table);
        }
        catch (RequestFailedException e) when (IsMissingTable(e))
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            await write(table);
        }
    }

    /// <summary>
    /// The table is missing: the service says TableNotFound, but an upsert (single or in a batch) or a query meets no
    /// other 404, so the status alone decides.
    /// </summary>
    public static bool IsMissingTable(RequestFailedException e) => e.Status == 404;
}
