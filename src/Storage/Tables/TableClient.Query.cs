using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// All entities matching an OData <c>$filter</c>, page by page: each page is one request of at most
    /// <paramref name="maxPerPage"/> entities (<c>$top</c>), following x-ms-continuation-NextPartitionKey/NextRowKey.
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        new TableQueryPageable(this, filter, maxPerPage, select?.ToArray(), cancellationToken);

    /// <summary>
    /// One page of a query. Pass the previous page's <see cref="Page{T}.ContinuationToken"/> to get the next; the last
    /// page has none. A page may hold fewer than <paramref name="maxPerPage"/> entities (even none) and still continue.
    /// </summary>
    public async Task<Page<TableEntity>> QueryPageAsync(
        string? filter, int? maxPerPage, IEnumerable<string>? select, string? continuationToken,
        CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1000 entities.");
        }

        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (select?.ToArray() is { Length: > 0 } columns)
        {
            query.Add("$select=" + Uri.EscapeDataString(string.Join(',', columns)));
        }

        if (maxPerPage is { } top)
        {
            query.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        }

        var (nextPartitionKey, nextRowKey) = TableContinuation.Parse(continuationToken);
        if (nextPartitionKey is not null)
        {
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartitionKey));
        }

        if (nextRowKey is not null)
        {
            query.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
        }

        var relative = $"{Name}()" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        using var message = CreateMessage(RequestMethod.Get, relative);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Query {Name}", 200);

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entities = json.RootElement.TryGetProperty("value", out var value)
            ? value.EnumerateArray().Select(TableEntityJson.Deserialize).ToList()
            : [];
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partitionKey);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rowKey);
        return Page<TableEntity>.FromValues(entities, TableContinuation.Format(partitionKey, rowKey), response);
    }

    /// <summary>
    /// An OData filter from an interpolated string, with every argument written as a literal of its type
    /// (strings quoted with ' doubled, long as 123L, datetime'...', guid'...', X'...' for bytes).
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(ODataLiteral).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    private static string ODataLiteral(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset d => $"datetime'{d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}'",
        DateTime d => ODataLiteral(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc))),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as an OData literal.", nameof(value)),
    };

    private sealed class TableQueryPageable(
        TableClient table, string? filter, int? maxPerPage, string[]? select, CancellationToken cancellationToken)
        : AsyncPageable<TableEntity>(cancellationToken)
    {
        public override IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Pages(continuationToken, pageSizeHint ?? maxPerPage);

        private async IAsyncEnumerable<Page<TableEntity>> Pages(string? continuationToken, int? pageSize)
        {
            do
            {
                var page = await table.QueryPageAsync(filter, pageSize, select, continuationToken, CancellationToken);
                continuationToken = page.ContinuationToken;
                yield return page;
            }
            while (continuationToken is not null);
        }
    }
}

/// <summary>A query continuation (NextPartitionKey, NextRowKey) as one opaque string token.</summary>
internal static class TableContinuation
{
    public static string? Format(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) && string.IsNullOrEmpty(nextRowKey)
            ? null
            : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(nextPartitionKey ?? string.Empty)} {Uri.EscapeDataString(nextRowKey ?? string.Empty)}"));

    public static (string? NextPartitionKey, string? NextRowKey) Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(' ');
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token was not made by this client.", nameof(token));
        }

        if (parts.Length != 2)
        {
            throw new ArgumentException("The continuation token was not made by this client.", nameof(token));
        }

        return (NullIfEmpty(Uri.UnescapeDataString(parts[0])), NullIfEmpty(Uri.UnescapeDataString(parts[1])));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
