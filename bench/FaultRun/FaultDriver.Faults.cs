using Reintegration.Storage;
using Reintegration.Storage.Cases;

namespace Reintegration.FaultRun;

/// <summary>The faults: the app killed (and maybe kept down for days) or Azurite stopped, one at a time.</summary>
public sealed partial class FaultDriver
{
    private long outageAt;

    private void StartFault(Func<Task> fault, int maxDelayMs)
    {
        lock (faults)
        {
            faults.Add(Task.Run(async () =>
            {
                // A few milliseconds into the request: before its commit, between commit and effects, or in its effects.
                await Task.Delay(Random(maxDelayMs + 1));
                await faultGate.WaitAsync();
                try
                {
                    await fault();
                }
                finally
                {
                    faultGate.Release();
                }
            }));
        }
    }

    /// <param name="outageDays">Days the app stays down; null: drawn (0 to 5, never past the story's next step).</param>
    private async Task KillAppAsync(string during, int? outageDays)
    {
        appUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await app.KillAsync();
        Figures.AppKills++;
        Figures.KillsDuring.Add(during);

        // Killed while days pass: it may stay down for days (time goes on without it), never past the story's next step.
        var most = Math.Clamp((int)(advanceTarget - Now).TotalDays - 1, 0, 5);
        var outage = Math.Min(outageDays ?? Random(1 + most), most);
        Now = Now.AddDays(outage);
        Figures.OutageDays += outage;
        await app.StartAsync(Now);
        Figures.AppRestarts++;
        appUp.SetResult();
    }

    private async Task RestartAzuriteAsync(string during)
    {
        await azurite.StopAsync(options.AzuriteSigkill ? Signals.Kill : Signals.Interrupt);
        Figures.AzuriteStops++;
        Figures.AzuriteStopsDuring.Add(during);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await azurite.StartAsync();
    }

    private int Random(int below)
    {
        lock (random)
        {
            return random.Next(below);
        }
    }

    private static TaskCompletionSource Up()
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        up.SetResult();
        return up;
    }
}
