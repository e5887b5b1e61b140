using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Reintegration.FaultRun;

/// <summary>
/// Drives the cases of <see cref="CaseScript"/> through the app's HTTP API on a simulated clock while killing the app
/// (SIGKILL) and restarting Azurite at moments a seeded <see cref="Random"/> picks. A request cut by a fault is sent
/// again, unchanged (same idempotency key, webhook id or clock target), as real clients and webhook senders do.
/// </summary>
public sealed partial class FaultDriver(FaultRunOptions options, CaseScript script, AppProcess app, AzuriteProcess azurite, byte[] intakeKey, TextWriter log)
{
    private readonly Random random = new(options.Seed);
    private readonly HttpClient http = new() { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    private readonly SemaphoreSlim faultGate = new(1, 1);
    private readonly List<Task> faults = [];
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private HashSet<long> appKillsAt = [];
    private HashSet<long> azuriteRestartsAt = [];
    private TaskCompletionSource appUp = Up();
    private long requests;
    private long retries;
    private long requestsRetried;
    private long pending;
    private long commandCount;
    private DateTimeOffset advanceTarget;

    public DateTimeOffset Now { get; private set; } = script.Start;

    public FaultFigures Figures { get; } = new();

    public IReadOnlyList<string> CaseIds { get; private set; } = [];

    public async Task RunAsync()
    {
        var commandRequests = (long)options.Cases * CaseScript.RequestsPerCase;
        var advances = script.Days;
        var total = commandRequests + advances;

        // A quarter of the kills land on clock advances, on the busy days: when the monthly reminders fall due (every case
        // is ticked, each sends a notice and sets an overdue timer) and 14 days later (the overdue timers fire); the rest
        // on commands.
        // Two are placed, not drawn: the app killed on the plan phase's last request and again at once on the next clock
        // advance, then down for 5 days, so the plan reminders fall due while no worker runs: the next tick must fire
        // them on their own dates (time is data), whatever the real time.
        var placed = options.AppKills >= 3 ? new long[] { options.Cases * 7L, -(long)(script.ArrivalDay - script.Start).TotalDays - 1 } : [];
        var duringAdvances = options.AppKills == 0 ? 0 : Math.Max(1, options.AppKills / 4);
        appKillsAt = [.. placed];
        var busy = Enumerable.Range(1, CaseScript.MonitoringMonths)
            .SelectMany(m => new[] { script.MonitoringDay(m), script.MonitoringDay(m).AddDays(14) })
            .Select(day => (long)(day - script.Start).TotalDays).Where(k => k <= advances).ToList();
        foreach (var at in Pick(duringAdvances, busy.Count).Select(i => -busy[(int)i - 1]))
        {
            if (appKillsAt.Count < options.AppKills)
            {
                appKillsAt.Add(at);
            }
        }

        while (appKillsAt.Count < Math.Min(options.AppKills, commandRequests))
        {
            appKillsAt.Add(1 + random.NextInt64(commandRequests));
        }

        outageAt = placed.Length > 0 ? placed[1] : 0;
        azuriteRestartsAt = [.. Pick(options.AzuriteRestarts, total).Select(i => i <= commandRequests ? i : -(i - commandRequests))];
        log.WriteLine($"fault run: {options.Cases} cases, {total} requests planned ({commandRequests} commands, {advances} clock advances of a day), " +
            $"{options.AppKills} app kills, {options.AzuriteRestarts} Azurite restarts, seed {options.Seed}");

        await app.StartAsync(Now);
        var deliveries = Enumerable.Range(0, options.Cases).Select(i => CaseScript.DeliveryId(options.Seed, i)).ToList();
        CaseIds = [.. deliveries.Select(CaseScript.CaseIdOf)];

        await ForEachCaseAsync(deliveries, async delivery =>
        {
            var id = CaseScript.CaseIdOf(delivery);
            await IntakeAsync(delivery);
            await VisibleAsync(id);
            await CommandAsync(HttpMethod.Post, id, "decision", "dev-agency-key", """{"eligible":true}""");
            await CommandAsync(HttpMethod.Put, id, "departure", "dev-counsellor-key", script.DepartureJson);
            await CommandAsync(HttpMethod.Post, id, "post-arrival-request", "dev-counsellor-key", CaseScript.PostArrivalJson);
        });
        Progress("intake, decision, departure, post-arrival request");
        await AdvanceToAsync(script.ArrivalDay);
        await ForEachCaseAsync(CaseIds, async id =>
        {
            await CommandAsync(HttpMethod.Post, id, "arrival", "dev-partner-ug-key", script.ArrivalJson);
            await CommandAsync(HttpMethod.Post, id, "plan", "dev-partner-ug-key", CaseScript.PlanJson);
            await CommandAsync(HttpMethod.Post, id, "plan/1/decision", "dev-agency-key", """{"approve":true,"comment":"Good plan"}""");
        });
        Progress("arrival, plan, approval");
        for (var month = 1; month <= CaseScript.MonitoringMonths; month++)
        {
            await AdvanceToAsync(script.MonitoringDay(month));
            var m = month;
            await ForEachCaseAsync(CaseIds, id => CommandAsync(HttpMethod.Post, id, "monitoring-reports", "dev-partner-ug-key", CaseScript.ReportJson(m), $"report-{m}"));
            Progress($"month {m} (reminders and reports)");
        }

        await ForEachCaseAsync(CaseIds, async id =>
        {
            await CommandAsync(HttpMethod.Post, id, "financial-report", "dev-partner-ug-key", CaseScript.FinancialJson);
            await CommandAsync(HttpMethod.Post, id, "closure", "dev-counsellor-key", """{"reason":"completed"}""");
        });
        Progress("12 months of monitoring, financial report, closure");
        await AdvanceToAsync(script.End);
        await Task.WhenAll(faults);
        Progress("20 quiet days");

        Figures.Requests = requests;
        Figures.Retries = retries;
        Figures.RequestsRetried = requestsRetried;
        Figures.Pending = pending;
    }

    /// <summary>
    /// The planned fault for this request, taken off the plan: a command's by its number, an advance's by its day or an
    /// earlier day an outage skipped (so an outage does not swallow a planned fault).
    /// </summary>
    private static long? Take(HashSet<long> planned, long position)
    {
        lock (planned)
        {
            var hit = position > 0
                ? planned.Contains(position) ? position : (long?)null
                : planned.Where(p => p < 0 && p >= position).Select(p => (long?)p).Max();
            if (hit is { } h)
            {
                planned.Remove(h);
            }

            return hit;
        }
    }

    private void Progress(string phase) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {elapsed.Elapsed.TotalSeconds,5:F0} s  {phase} done: {requests} requests, {Figures.AppKills} kills, {Figures.AzuriteStops} Azurite stops, " +
            $"{pending} answers pending, clock {Now:yyyy-MM-dd}; memory: app {app.WorkingSetMb:0} MB, Azurite {azurite.WorkingSetMb:0} MB"));

    private IEnumerable<long> Pick(int count, long among)
    {
        var picked = new SortedSet<long>();
        while (picked.Count < Math.Min(count, among))
        {
            picked.Add(1 + random.NextInt64(among));
        }

        return picked;
    }

    private async Task ForEachCaseAsync(IEnumerable<string> items, Func<string, Task> steps) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (item, _) => await steps(item));

    private Task IntakeAsync(string delivery) => SendAsync("intake", null, () =>
    {
        // A sender signs with its real clock; the app checks it against real time, not the simulated one (Now).
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/native") { Content = Json(CaseScript.Application) };
        request.Headers.Add("webhook-id", delivery);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", CaseScript.Signature(intakeKey, delivery, timestamp, CaseScript.Application));
        return request;
    });

    /// <summary>
    /// Reads the case until the agency may see it. The intake webhook answers once the case's orchestration has started
    /// with the application decided; the case's URL answers 404 until its first generation has projected it (as the
    /// agency's e-mail follows it). A read is a request, faults included.
    /// </summary>
    private Task VisibleAsync(string caseId) => SendAsync("case read", null, () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}");
        request.Headers.Add("X-Api-Key", "dev-agency-key");
        return request;
    }, notFoundIsNotYet: true);

    private Task CommandAsync(HttpMethod method, string caseId, string path, string apiKey, string json, string? key = null) =>
        SendAsync(path, null, () =>
        {
            var request = new HttpRequestMessage(method, $"/api/cases/{caseId}/{path}") { Content = Json(json) };
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add("Idempotency-Key", key ?? path.Replace('/', '-'));
            return request;
        });

    /// <summary>A day at a time to <paramref name="moment"/>; each advance answers once every case has fired what was due.</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        advanceTarget = moment;
        while (Now < moment)
        {
            var to = Now.AddDays(1);
            var answer = await SendAsync("clock", (long)(to - script.Start).TotalDays, () => new HttpRequestMessage(HttpMethod.Post, $"/dev/clock/advance?to={to.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));

            // After an outage the app came back later than this step's target; it answers where its clock stands.
            Now = JsonDocument.Parse(answer).RootElement.GetProperty("now").GetDateTimeOffset();
        }
    }

    /// <param name="day">For a clock advance, the day it moves to (days from the start); null for a command.</param>
    /// <param name="notFoundIsNotYet">A 404 means "not yet" (a new case not visible yet), sent again as a pending answer is.</param>
    private async Task<string> SendAsync(string what, long? day, Func<HttpRequestMessage> build, bool notFoundIsNotYet = false)
    {
        var n = Interlocked.Increment(ref requests);
        // A read places no fault of the plan (it is not one of the planned requests), but meets those others place.
        var position = day is { } d ? -d : notFoundIsNotYet ? 0 : Interlocked.Increment(ref commandCount);
        if (Take(appKillsAt, position) is { } kill)
        {
            // Into the request: a command's commit and effects take milliseconds; a busy day's sweep and queue, a second or two.
            var placedOutage = kill == outageAt && outageAt != 0;
            StartFault(() => KillAppAsync(what, day is null ? 0 : placedOutage ? 5 : null), placedOutage ? 0 : day is null ? 40 : 1500);
        }

        if (Take(azuriteRestartsAt, position) is not null)
        {
            StartFault(() => RestartAzuriteAsync(what), 40);
        }

        var first = true;
        Stopwatch? undecided = null;
        Stopwatch? refused = null;
        while (true)
        {
            await appUp.Task;
            try
            {
                using var response = await http.SendAsync(build());
                var body = await response.Content.ReadAsStringAsync();
                var pendingAnswer = response.StatusCode == System.Net.HttpStatusCode.Accepted
                    && body.Contains("\"outcome\":\"pending\"", StringComparison.Ordinal);
                if (response.IsSuccessStatusCode && !pendingAnswer)
                {
                    return body;
                }

                // The answer's wait ran out: not decided yet (or the message was lost). As a client does (docs/API.md),
                // send the same request again, same key, until it answers the outcome: the next step must not
                // overtake it. A new case's URL answers 404 until its first generation ran: read it again the same way.
                if (pendingAnswer || (notFoundIsNotYet && response.StatusCode == System.Net.HttpStatusCode.NotFound))
                {
                    if (pendingAnswer)
                    {
                        Interlocked.Increment(ref pending);
                    }

                    undecided ??= Stopwatch.StartNew();
                    if (undecided.Elapsed > TimeSpan.FromMinutes(10))
                    {
                        throw new InvalidOperationException($"{what} (request {n}) was still not answered after 10 minutes: {body}");
                    }

                    await Task.Delay(100);
                    continue;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{what} (request {n}) answered {(int)response.StatusCode}: {body}");
                }

                // A 5xx is sent again (an Azurite restart answers 503 for a few seconds), but not for ever: a case
                // refused as "starting" for 20 minutes once held a whole run (docs/RELIABILITY.md).
                refused ??= Stopwatch.StartNew();
                if (refused.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new InvalidOperationException($"{what} (request {n}) answered {(int)response.StatusCode} for 10 minutes: {body}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref retries);
            if (first)
            {
                Interlocked.Increment(ref requestsRetried);
                first = false;
            }

            await Task.Delay(100);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
