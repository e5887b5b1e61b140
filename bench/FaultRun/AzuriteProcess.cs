using System.Diagnostics;
using System.Globalization;
using Reintegration.Storage;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.FaultRun;

/// <summary>Azurite on fixed loopback ports with a data folder that outlives it, so a restart finds what was written.</summary>
public sealed class AzuriteProcess(string executable, string dataFolder, string logFile) : IAsyncDisposable
{
    private readonly int[] ports = FreePorts();
    private Process? process;

    /// <summary>Resident memory now, in MB; null while it is down.</summary>
    public double? WorkingSetMb => ChildProcess.WorkingSetMb(process);

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={StorageAccount.DevelopmentAccountName};AccountKey={StorageAccount.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{StorageAccount.DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{ports[1]}/{StorageAccount.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{ports[2]}/{StorageAccount.DevelopmentAccountName};";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(executable);
        foreach (var argument in new[]
                 {
                     "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent", "--location", dataFolder,
                     "--blobHost", "127.0.0.1", "--blobPort", Port(0), "--queueHost", "127.0.0.1", "--queuePort", Port(1),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(2),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        process = ChildProcess.Start(start, logFile);
        var waited = Stopwatch.StartNew();
        while (!(await LoopbackPorts.AcceptsAsync(ports[0]) && await LoopbackPorts.AcceptsAsync(ports[1]) && await LoopbackPorts.AcceptsAsync(ports[2])))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"Azurite did not start; see {logFile}. Install it with: bash scripts/install-azurite.sh");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite with <paramref name="signal"/> and waits for it to exit.</summary>
    public async Task StopAsync(int signal)
    {
        if (process is null)
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
        process = null;

        // The ports must be free again before a restart binds them (a few seconds at most; then the start will say).
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && (await LoopbackPorts.AcceptsAsync(ports[2]) || await LoopbackPorts.AcceptsAsync(ports[0]) || await LoopbackPorts.AcceptsAsync(ports[1])))
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(Signals.Terminate);

    private static int[] FreePorts()
    {
        var (blob, queue, table) = LoopbackPorts.PickThreeFree();
        return [blob, queue, table];
    }

    private string Port(int i) => ports[i].ToString(CultureInfo.InvariantCulture);
}
