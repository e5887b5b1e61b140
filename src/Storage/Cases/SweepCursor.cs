using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Reintegration.Storage.Cases;

/// <summary>
/// The first day the next sweep reads, one row in its own table. Every change is conditional on the ETag read, so a
/// sweep moving it forward and a late timer moving it back never overwrite each other.
/// </summary>
internal sealed class SweepCursor(TableClient table)
{
    private const string Partition = "cursor";
    private const string Row = "sweep";

    public TableClient Table => table;

    /// <summary>Creates the table and, when there is no cursor yet, sets it to <paramref name="day"/>.</summary>
    public async Task InitializeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(Entity(day), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance (or an earlier start) set it: keep that one.
        }
    }

    /// <summary>The cursor's day and ETag; null when it was never set.</summary>
    public async Task<(DateOnly Day, ETag ETag)?> ReadAsync(CancellationToken cancellationToken) =>
        await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken) is { HasValue: true } row
            ? (DateOnly.ParseExact(row.Value!.GetString("Day")!, "yyyyMMdd", CultureInfo.InvariantCulture), row.Value.ETag)
            : null;

    /// <summary>Moves the cursor to <paramref name="day"/> unless it changed since <paramref name="read"/>; false when it had.</summary>
    public async Task<bool> TryMoveAsync(DateOnly day, ETag read, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(Entity(day), read, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Moves the cursor back to <paramref name="day"/> if it is past it, so the next sweep reads that day again.</summary>
    public async Task KeepAtOrBeforeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        while (await ReadAsync(cancellationToken) is { } cursor && cursor.Day > day)
        {
            if (await TryMoveAsync(day, cursor.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    private static TableEntity Entity(DateOnly day) =>
        new(Partition, Row) { ["Day"] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) };
}
