namespace Reintegration.Functions.Work;

/// <summary>
/// Without the Functions host, the same executable runs its timer trigger (the sweep) and its queue trigger (the
/// worker) in-process on a real-time loop. Under the host (FUNCTIONS_CUSTOMHANDLER_PORT set) this is off: the host
/// invokes them instead.
/// </summary>
public sealed partial class BackgroundWork(IServiceProvider services, IConfiguration config, ILogger<BackgroundWork> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweepEvery = TimeSpan.FromSeconds(config.GetValue("Work:SweepSeconds", 15));
        var pollEvery = TimeSpan.FromSeconds(config.GetValue("Work:PollSeconds", 1.0));
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextSweep)
                {
                    await services.GetRequiredService<DueTimerSweep>().RunAsync(cancellationToken: stoppingToken);
                    nextSweep = DateTimeOffset.UtcNow + sweepEvery;
                }

                await services.GetRequiredService<QueueWorker>().DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(logger, ex.GetType().Name);
            }

            await Task.Delay(pollEvery, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Background work failed ({Error}); retrying on the next round")]
    private static partial void Failed(ILogger logger, string error);
}
