using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;

/// <summary>
/// Watches the storage emulator's queue service while a benchmark runs: a cheap request every 100 ms, timed. Azurite
/// runs each service on one Node.js event loop, and its queue service sweeps its unreferenced message extents once a
/// minute; the sweep removes them one by one from an indexed LokiJS collection that re-sorts its index on each removal,
/// without yielding to the event loop, so under load it stops answering for seconds (docs/PERFORMANCE.md, "The intake
/// stall"). A request that waits through such a stall is the emulator's, not the product's: Azure Queue Storage has no
/// such sweep. The benchmarks print their figures over every request, and beside them over the requests that did not
/// overlap a stall, with how many stalls there were and how long.
/// </summary>
public sealed class EmulatorStalls : IAsyncDisposable
{
    /// <summary>A probe slower than this is a stall. Under the benchmarks' load an ordinary probe takes up to about 0.7 s.</summary>
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(2);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly CancellationTokenSource stop = new();
    private readonly List<(long From, long To)> stalls = [];
    private readonly Task probing;

    private EmulatorStalls(Uri queueService) => probing = ProbeAsync(queueService);

    /// <summary>Starts probing the connection string's queue service (its endpoint as the storage SDK reads it).</summary>
    public static EmulatorStalls Watch(string connection) =>
        new(new Uri(new QueueServiceClient(connection).Uri.ToString().TrimEnd('/') + "?comp=list"));

    private async Task ProbeAsync(Uri queueService)
    {
        while (!stop.IsCancellationRequested)
        {
            var from = Stopwatch.GetTimestamp();
            try
            {
                // Unsigned: the answer (403) does not matter, only how long the emulator's event loop takes to give it.
                using var _ = await http.GetAsync(queueService, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // A refused connection is not a stall; the benchmark reports its own failures.
            }

            var to = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(from, to) > StallAfter)
            {
                lock (stalls)
                {
                    stalls.Add((from, to));
                }
            }

            try
            {
                await Task.Delay(100, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Whether a request that ran from <paramref name="from"/> to <paramref name="to"/> (Stopwatch timestamps) overlapped a stall.</summary>
    public bool Overlaps(long from, long to) => Within(from, to).Count > 0;

    /// <summary>The stalls that overlapped the window, as a line: how many, and how long each.</summary>
    public string Describe(long from, long to)
    {
        var within = Within(from, to);
        return within.Count == 0
            ? "the emulator's queue service answered its probe within 2 s throughout"
            : string.Create(CultureInfo.InvariantCulture,
                $"the emulator's queue service stalled {within.Count} time(s): {string.Join(", ", within.Select(s => $"{Stopwatch.GetElapsedTime(s.From, s.To).TotalSeconds:0.0} s from {Stopwatch.GetElapsedTime(from, s.From).TotalSeconds:0.0} s"))} into the run");
    }

    private List<(long From, long To)> Within(long from, long to)
    {
        lock (stalls)
        {
            return [.. stalls.Where(s => s.From < to && from < s.To)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await probing;
        stop.Dispose();
        http.Dispose();
    }
}
