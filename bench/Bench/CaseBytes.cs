using Azure.Data.Tables;

/// <summary>
/// A case's billable size in Azure Tables, by the service's published entity-size formula: 4 bytes, plus the keys at
/// 2 bytes a character, plus for each property 8 bytes, its name at 2 bytes a character and its value's size.
/// </summary>
public static class CaseBytes
{
    public static async Task<long> MeasureAsync(string connection, string casesTable, string indexTable, string caseId)
    {
        long total = 0;
        await foreach (var row in new TableClient(connection, casesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}")))
        {
            total += Size(row);
        }

        await foreach (var row in new TableClient(connection, indexTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {caseId}")))
        {
            total += Size(row);
        }

        return total;
    }

    private static long Size(TableEntity entity)
    {
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")
            {
                continue;
            }

            size += 8 + (name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] b => 4 + b.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }
}
