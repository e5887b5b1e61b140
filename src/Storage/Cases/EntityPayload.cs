using Azure.Data.Tables;

namespace Reintegration.Storage.Cases;

/// <summary>
/// Stores a JSON document in an entity as binary properties of at most 64 KiB each (the per-property limit), up to
/// 15 of them, inside the 1 MiB entity limit.
/// </summary>
public static class EntityPayload
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15;

    public static TableEntity Write(TableEntity entity, byte[] json)
    {
        var chunks = (json.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A stored document of {json.Length} bytes is over the {MaxChunks * ChunkBytes} bytes an entity can hold.");
        }

        entity["Chunks"] = Math.Max(chunks, 1);
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            entity[$"P{i}"] = json.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, json.Length - (i * ChunkBytes))).ToArray();
        }

        return entity;
    }

    public static byte[] Read(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? throw new InvalidOperationException($"Entity {entity.RowKey} holds no document.");
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            buffer.Write(entity.GetBinary($"P{i}") ?? throw new InvalidOperationException($"Entity {entity.RowKey} misses part {i}."));
        }

        return buffer.ToArray();
    }
}
