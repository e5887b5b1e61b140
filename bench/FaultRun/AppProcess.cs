using System.Diagnostics;
using System.Globalization;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.FaultRun;

/// <summary>
/// The product's executable (<c>dotnet Reintegration.Functions.dll</c>) as run.sh starts it, on a fixed loopback port.
/// Each start passes the simulated time reached so far as <c>Dev:ClockStart</c>.
/// </summary>
public sealed class AppProcess(string appPath, IReadOnlyDictionary<string, string> settings, string logFile) : IAsyncDisposable
{
    private readonly int port = LoopbackPorts.PickThreeFree().First;
    private Process? process;

    /// <summary>Resident memory now, in MB; null while it is down.</summary>
    public double? WorkingSetMb => ChildProcess.WorkingSetMb(process);

    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    public async Task StartAsync(DateTimeOffset clockStart)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(appPath)! };
        start.ArgumentList.Add(appPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Links__BaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Dev__ClockStart"] = clockStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        process = ChildProcess.Start(start, logFile);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException($"The app did not start; see {logFile}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, in-flight requests cut.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
