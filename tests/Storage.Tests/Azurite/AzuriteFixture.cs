using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Reintegration.Storage.Tests.Azurite;

/// <summary>
/// A real Azurite (the pinned one in tools/azurite, installed by <c>bash scripts/install-azurite.sh</c>) on free
/// loopback ports with a temporary data folder. Tests FAIL when it cannot start: nothing is skipped.
/// Reusable by other test projects: link this folder (AzuriteFixture, AzuriteProcessOutput, LoopbackPorts).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const string InstallHint = "Install it with: bash scripts/install-azurite.sh";

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Process? _process;
    private AzuriteProcessOutput? _output;

    public AzuriteFixture()
        : this(Path.Combine(FindRepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite"))
    {
    }

    /// <summary>For testing the fixture itself with another executable.</summary>
    internal AzuriteFixture(string executablePath)
    {
        ExecutablePath = executablePath;
        DataFolder = Path.Combine(Path.GetTempPath(), "azurite-tests-" + Guid.NewGuid().ToString("N"));
        (BlobPort, QueuePort, TablePort) = LoopbackPorts.PickThreeFree();
    }

    public string DataFolder { get; }
    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    /// <summary>tools/azurite/node_modules/.bin/azurite under the repository root.</summary>
    public string ExecutablePath { get; }

    /// <summary>A connection string with explicit path-style endpoints and the development account key.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={StorageAccount.DevelopmentAccountName};AccountKey={StorageAccount.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{StorageAccount.DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{StorageAccount.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{StorageAccount.DevelopmentAccountName};";

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts Azurite. If another process took one of the picked ports in the meantime (EADDRINUSE), picks new ports
    /// and tries again, up to three times.
    /// </summary>
    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && (_output?.Text.Contains("EADDRINUSE", StringComparison.Ordinal) ?? false))
            {
                await StopAsync();
                (BlobPort, QueuePort, TablePort) = LoopbackPorts.PickThreeFree();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        _lifecycle.Dispose();
    }

    /// <summary>Starts Azurite (no-op when running) and waits until all three ports accept connections.</summary>
    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (IsRunning)
            {
                return;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException($"Azurite is not installed at {ExecutablePath}. {InstallHint}");
            }

            Directory.CreateDirectory(DataFolder);
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
                         "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--location", DataFolder,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            _output = new AzuriteProcessOutput();
            try
            {
                _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"Azurite could not be started from {ExecutablePath}: {e.Message}. {InstallHint}", e);
            }

            _output.Attach(_process);
            await WaitUntilListeningAsync(_process, _output);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so it saves its data), killing the process tree if it lingers.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_process is null)
            {
                return;
            }

            if (!_process.HasExited)
            {
                _ = SignalTerminate(_process.Id);
                using var wait = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }

            _process.Dispose();
            _process = null;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops and starts again on the same ports with the same data folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>The nearest ancestor of the test binaries holding Reintegration.Serverless.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reintegration.Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Reintegration.Serverless.sln above {AppContext.BaseDirectory}.");
    }

    private async Task WaitUntilListeningAsync(Process process, AzuriteProcessOutput output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // lets the output readers reach the end
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} while starting. {InstallHint}\n{output.Text}");
            }

            if (await LoopbackPorts.AcceptsAsync(BlobPort) && await LoopbackPorts.AcceptsAsync(QueuePort) && await LoopbackPorts.AcceptsAsync(TablePort))
            {
                return;
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException(
            $"Azurite did not listen on ports {BlobPort}/{QueuePort}/{TablePort} within {StartTimeout.TotalSeconds} s. {InstallHint}\n{output.Text}");
    }

    private static int SignalTerminate(int processId) => NativeMethods.Kill(processId, NativeMethods.SignalTerminate);

    private static class NativeMethods
    {
        public const int SignalTerminate = 15;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
