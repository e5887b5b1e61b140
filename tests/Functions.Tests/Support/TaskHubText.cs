namespace Reintegration.Functions.Tests.Support;

/// <summary>
/// What a task hub holds, read as a whole for the personal-data scans: every table row (history, instances), every
/// queue message and every blob (large messages and histories, gzipped ones unzipped), as text.
/// </summary>
public static class TaskHubText
{
    public static async Task<string> ReadAsync(string connectionString, string taskHub)
    {
        var text = new System.Text.StringBuilder();
        var tables = new Azure.Data.Tables.TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            // The provider's tables are the hub's name and a suffix (History, Instances); a table named as the hub
            // itself is the read model's when the app's storage prefix makes them alike.
            if (table.Name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase) && table.Name.Length > taskHub.Length)
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<Azure.Data.Tables.TableEntity>())
                {
                    text.AppendJoin('\n', row.Select(p => p.Value?.ToString()));
                }
            }
        }

        var queues = new Azure.Storage.Queues.QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: taskHub.ToLowerInvariant() + "-"))
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                text.Append(message.Body.ToString());
            }
        }

        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: taskHub.ToLowerInvariant() + "-"))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
            {
                // The provider keeps a large message or history payload as a gzipped blob: read what it holds.
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
                if (blob.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                {
                    using var unzipped = new System.IO.Compression.GZipStream(content.ToStream(), System.IO.Compression.CompressionMode.Decompress);
                    using var reader = new StreamReader(unzipped);
                    text.Append(await reader.ReadToEndAsync());
                }
                else
                {
                    text.Append(content.ToString());
                }
            }
        }

        return text.ToString();
    }
}
