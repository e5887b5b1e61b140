using System.Diagnostics;
using System.Globalization;
using Reintegration.Storage;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.FaultRun;

/// <summary>
/// Azurite on fixed loopback ports with a data folder that outlives it, so a restart finds what was written. One
/// process per service (<c>azurite-blob</c>, <c>azurite-queue</c>, <c>azurite-table</c>, from the same package): an
/// Azurite process does its work on one thread, and in one process the task hub's queue work and its table work (history,
/// instances, partitions) took turns on one core while the second core idled (the 200-case run of 2026-12-02: Azurite at
/// 100 %, the app at 12 %). Stopped and restarted together, as one emulator.
/// </summary>
public sealed class AzuriteProcess(string executable, string dataFolder, string logFile) : IAsyncDisposable
{
    private static readonly string[] Services = ["blob", "queue", "table"];
    private readonly int[] ports = FreePorts();
    private readonly Process?[] processes = new Process?[Services.Length];

    /// <summary>Resident memory of the three processes now, in MB; null while it is down.</summary>
    public double? WorkingSetMb =>
        processes.Select(ChildProcess.WorkingSetMb).ToList() is var each && each.All(mb => mb is not null) ? each.Sum() : null;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={StorageAccount.DevelopmentAccountName};AccountKey={StorageAccount.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{StorageAccount.DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{ports[1]}/{StorageAccount.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{ports[2]}/{StorageAccount.DevelopmentAccountName};";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(dataFolder);
        for (var i = 0; i < Services.Length; i++)
        {
            // Each service keeps its own database files in the folder (__azurite_db_queue__.json …), so they share it.
            var start = new ProcessStartInfo($"{executable}-{Services[i]}");
            foreach (var argument in new[]
                     {
                         "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent", "--location", dataFolder,
                         $"--{Services[i]}Host", "127.0.0.1", $"--{Services[i]}Port", Port(i),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            processes[i] = ChildProcess.Start(start, ServiceLog(i));
        }

        var waited = Stopwatch.StartNew();
        while (!(await LoopbackPorts.AcceptsAsync(ports[0]) && await LoopbackPorts.AcceptsAsync(ports[1]) && await LoopbackPorts.AcceptsAsync(ports[2])))
        {
            if (processes.Any(p => p is null || p.HasExited) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"Azurite did not start; see {string.Join(", ", Services.Select((_, i) => ServiceLog(i)))}. Install it with: bash scripts/install-azurite.sh");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the three processes with <paramref name="signal"/> and waits for them to exit. Stop them gracefully with
    /// SIGINT, not SIGTERM: <c>azurite-table</c> saves its database only on SIGINT (it has no SIGTERM handler, so a
    /// SIGTERM ends it at once and loses what it had not saved: a run lost table rows that way at its restart).
    /// </summary>
    public async Task StopAsync(int signal)
    {
        await Task.WhenAll(processes.Select((p, i) => StopOneAsync(i, signal)));

        // The ports must be free again before a restart binds them (a few seconds at most; then the start will say).
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && (await LoopbackPorts.AcceptsAsync(ports[2]) || await LoopbackPorts.AcceptsAsync(ports[0]) || await LoopbackPorts.AcceptsAsync(ports[1])))
        {
            await Task.Delay(50);
        }
    }

    private async Task StopOneAsync(int i, int signal)
    {
        if (processes[i] is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            Signals.Send(process.Id, signal);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        process.Dispose();
        processes[i] = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(Signals.Interrupt);

    private static int[] FreePorts()
    {
        var (blob, queue, table) = LoopbackPorts.PickThreeFree();
        return [blob, queue, table];
    }

    private string Port(int i) => ports[i].ToString(CultureInfo.InvariantCulture);

    /// <summary>A log file per process (azurite-queue.log …) beside <c>logFile</c>: appends from three writers would interleave.</summary>
    private string ServiceLog(int i) =>
        Path.Combine(Path.GetDirectoryName(logFile) ?? ".", $"{Path.GetFileNameWithoutExtension(logFile)}-{Services[i]}.log");
}
