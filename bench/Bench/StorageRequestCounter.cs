using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

/// <summary>
/// Counts every request sent to storage, retries included (each is a billable transaction), by table and operation,
/// plus the bytes of every response, so a benchmark can say what a case costs.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate(Label(message.Request), 1, (_, n) => n + 1);
    }

    /// <summary>"cases GET entity", "timers DELETE entity", "$batch POST", "caseindex GET query" …</summary>
    private static string Label(Request request)
    {
        var path = request.Uri.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : segments.FirstOrDefault() ?? "?";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var table = paren >= 0 ? resource[..paren] : resource;
        var kind = paren >= 0 && resource.Length > paren + 2 ? "entity" : table == "$batch" ? "batch" : request.Method == RequestMethod.Get ? "query" : "table";
        return $"{Trim(table)} {request.Method} {kind}";
    }

    // Benchmark tables carry a set and process prefix (s0p1234) and timer tables a day; the figures are per role.
    private static string Trim(string table) => Regex.Replace(Regex.Replace(table, "^s[0-9]+p[0-9]+", string.Empty), "[0-9]+$", string.Empty);
}
