using System.Globalization;
using Azure;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Tables;

/// <summary>
/// Reads a <c>$batch</c> answer: the outer 202 carries one application/http part per operation on success, or the
/// failing operation's 4xx part (its error message prefixed "n:" with the operation's index) on failure.
/// </summary>
internal static class TableBatchResponse
{
    public sealed record Part(int Status, ETag? ETag, string Body);

    public static IReadOnlyList<Part> ReadParts(string body)
    {
        var parts = new List<Part>();
        var lines = body.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                continue;
            }

            var statusText = lines[i].Split(' ', 3);
            var status = statusText.Length > 1 && int.TryParse(statusText[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            ETag? etag = null;
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && lines[i][..colon].Trim().Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(lines[i][(colon + 1)..].Trim());
                }
            }

            var start = i + 1;
            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }

            var partBody = start < lines.Length && start <= i ? string.Join('\n', lines[start..(i + 1)]).Trim() : string.Empty;
            parts.Add(new Part(status, etag, partBody));
        }

        return parts;
    }

    /// <summary>The results in operation order, or the typed exception for the failing operation.</summary>
    public static IReadOnlyList<TableTransactionResult> Interpret(string tableName, int operationCount, string body, string? requestId)
    {
        var parts = ReadParts(body);
        var failedAt = parts.FindIndex(p => p.Status is < 200 or >= 300);
        if (failedAt < 0 && parts.Count == operationCount)
        {
            return parts.Select(p => new TableTransactionResult(p.Status, p.ETag)).ToList();
        }

        if (failedAt < 0)
        {
            throw new StorageRequestException(
                0, null, $"Transaction in {tableName} answered {parts.Count} results for {operationCount} operations.");
        }

        var failed = parts[failedAt];
        var (code, message) = ErrorBody.Read(failed.Body);
        var index = IndexPrefix(message)
                    ?? (parts.Count == operationCount || operationCount == 1 ? failedAt : (int?)null);
        throw new StorageRequestException(
            failed.Status,
            code,
            StorageErrors.Describe($"Transaction in {tableName}", failed.Status, code, requestId, index),
            index);
    }

    /// <summary>The "n:" the service puts before a failing operation's error message.</summary>
    private static int? IndexPrefix(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    private static int FindIndex<T>(this IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
