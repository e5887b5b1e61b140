using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Work;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Development only: with <c>Dev:ManualClock=true</c> the app's clock moves only when told, so a newcomer can watch a
/// year of monthly reminders in minutes. Each advance runs the sweep and the work queue before answering.
/// </summary>
public static class DevClock
{
    public static IEndpointRouteBuilder MapDevClock(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/clock/advance", async (HttpContext http, TimeProvider clock, IServiceProvider services) =>
        {
            if (clock is not ManualClock manual)
            {
                return Results.Problem(statusCode: 404, title: "The dev clock is off.");
            }

            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var days = int.TryParse(form?["days"].ToString() ?? http.Request.Query["days"].ToString(), out var d) && d is >= 1 and <= 400 ? d : 1;
            for (var i = 0; i < days; i++)
            {
                manual.Advance(TimeSpan.FromDays(1));
                await RunWorkAsync(services, http.RequestAborted);
            }

            return http.Request.HasFormContentType
                ? Results.Redirect(form?["back"].ToString() is { Length: > 0 } back && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/")
                : Results.Ok(new { now = manual.GetUtcNow() });
        }).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static async Task RunWorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DueTimerSweep>().RunAsync(cancellationToken: cancellationToken);
        if (services.GetService<QueueWorker>() is { } worker)
        {
            await worker.DrainAsync(cancellationToken);
        }
    }
}
