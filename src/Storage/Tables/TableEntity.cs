using Azure;

namespace Reintegration.Storage.Tables;

/// <summary>
/// A table row: its properties by name, with <see cref="PartitionKey"/> and <see cref="RowKey"/> among them, and the
/// service's <see cref="ETag"/> and <see cref="Timestamp"/> beside them. Property values may be string, long (Edm.Int64),
/// int, bool, double, DateTimeOffset or DateTime (Edm.DateTime, UTC), Guid and byte[] (Edm.Binary); a null value is
/// not stored.
/// </summary>
#pragma warning disable CA1710 // The name mirrors Azure.Data.Tables.TableEntity.
public sealed class TableEntity : Dictionary<string, object?>
#pragma warning restore CA1710
{
    public const string PartitionKeyName = "PartitionKey";
    public const string RowKeyName = "RowKey";

    public TableEntity()
        : base(StringComparer.Ordinal)
    {
    }

    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => this[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => this[RowKeyName] = value;
    }

    /// <summary>The entity's version as the service last returned it; default when never read or written.</summary>
    public ETag ETag { get; set; }

    /// <summary>The service's last-modified time; never sent.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public string? GetString(string name) => GetObject<string>(name);

    public long? GetInt64(string name) => TryGetValue(name, out var value) && value is not null
        ? value switch { long l => l, int i => i, _ => throw WrongType(name, typeof(long)) }
        : null;

    public int? GetInt32(string name) => GetValue<int>(name);

    public bool? GetBoolean(string name) => GetValue<bool>(name);

    public double? GetDouble(string name) => TryGetValue(name, out var value) && value is not null
        ? value switch { double d => d, int i => i, long l => l, _ => throw WrongType(name, typeof(double)) }
        : null;

    public DateTimeOffset? GetDateTimeOffset(string name) => TryGetValue(name, out var value) && value is not null
        ? value switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
            _ => throw WrongType(name, typeof(DateTimeOffset)),
        }
        : null;

    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    public byte[]? GetBinary(string name) => GetObject<byte[]>(name);

    private T? GetObject<T>(string name)
        where T : class =>
        !TryGetValue(name, out var value) || value is null ? null
            : value as T ?? throw WrongType(name, typeof(T));

    private T? GetValue<T>(string name)
        where T : struct =>
        !TryGetValue(name, out var value) || value is null ? null
            : value is T typed ? typed : throw WrongType(name, typeof(T));

    private InvalidOperationException WrongType(string name, Type expected) =>
        new($"Property '{name}' of entity ({PartitionKey}, {RowKey}) is a {this[name]?.GetType().Name}, not a {expected.Name}.");
}
