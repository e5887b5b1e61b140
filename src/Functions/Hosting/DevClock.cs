using Reintegration.Domain.Runtime.InMemory;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Development only: with <c>Dev:ManualClock=true</c> the app's clock moves only when told, so a newcomer can watch a
/// year of monthly reminders in minutes. Each advance answers once applied: every case with something due by the new
/// time gets one tick at that time, and its timers fire in due order (those the firing sets included).
/// <c>Dev:ClockStart</c> (ISO 8601) starts the clock at a given instant instead of now: a restarted app resumes the
/// simulated time it had reached (the fault run, docs/RELIABILITY.md).
/// </summary>
public static class DevClock
{
    public static async Task<IResult> AdvanceAsync(HttpContext http, TimeProvider clock, IServiceProvider services)
    {
        if (clock is not ManualClock manual)
        {
            return Results.Problem(statusCode: 404, title: "The dev clock is off.");
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        // "to" (an instant) makes a retried advance land where the first one was going, never a day further.
        var target = ParseInstant(http.Request.Query["to"].ToString()) is { } to && to <= manual.GetUtcNow().AddDays(400)
            ? to
            : manual.GetUtcNow().AddDays(int.TryParse(form?["days"].ToString() ?? http.Request.Query["days"].ToString(), out var d) && d is >= 1 and <= 400 ? d : 1);
        // A retried advance whose clock already got there (the first try was cut short) moves nothing but still ticks.
        if (target > manual.GetUtcNow())
        {
            manual.AdvanceTo(target);
        }

        await TickEveryCaseAsync(services, services.GetRequiredService<Orchestration.OrchestratedCaseCommands>(), http.RequestAborted);

        return http.Request.HasFormContentType
            ? Results.Redirect(form?["back"].ToString() is { } back && Pages.SignInPages.IsLocal(back) ? back : "/")
            : Results.Ok(new { now = manual.GetUtcNow() });
    }

    /// <summary>Every case in the list with something due gets a tick at the clock's time and fires it.</summary>
    private static async Task TickEveryCaseAsync(
        IServiceProvider services, Orchestration.OrchestratedCaseCommands cases, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var index = services.GetRequiredService<Domain.Runtime.ICaseIndex>();
        string? next = null;
        do
        {
            var page = await index.QueryAsync(new Domain.Runtime.CaseFilter(), 200, next, cancellationToken);
            await Parallel.ForEachAsync(page.Cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (summary, token) => await cases.TickAsync(summary.CaseId, now, token));
            next = page.Next;
        }
        while (next is not null);
    }

    /// <summary>An ISO 8601 instant with its offset (<c>Dev:ClockStart</c>, <c>?to=</c>), or null.</summary>
    public static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
}
