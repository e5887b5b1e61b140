using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Intake;

/// <summary>
/// Intake webhook latency: the real app on loopback over Azurite, N concurrent senders of signed native intakes. The
/// webhook answers once the case's orchestration has started; a watcher reads each answered case from the read model
/// meanwhile, so the figures also say how long after its answer a case became visible (its first generation ran).
/// </summary>
public static class IntakeLatency
{
    /// <summary>One intake in this many is read until visible: reading every case would load Azurite as much as the intakes.</summary>
    private const int Watched = 10;

    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static async Task RunAsync(string connection, int senders, int perSender)
    {
        var port = 7400 + Environment.ProcessId % 500;
        await using var app = ReintegrationApp.Build([
            "--urls", $"http://127.0.0.1:{port}", "--environment", "Development", "--Storage:ConnectionString", connection,
            "--Links:BaseUrl", $"http://127.0.0.1:{port}", "--Links:KeyId", "bench",
            "--Links:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "--Intake:Native:Secrets:0", Secret,
            "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Ids unique to this measurement: a delivery id seen before is a redelivery, answered as a duplicate, not a new case.
        var run = Guid.NewGuid().ToString("N")[..8];

        var readModel = app.Services.GetRequiredService<ICaseReadModel>();
        var warm = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            await SendAsync(http, $"{run}-warmup-{i}");
            warm[IntakeCommands.CaseIdFor(IntakeSources.Native, $"{run}-warmup-{i}")] = Stopwatch.GetTimestamp();
        }

        // The warm-up's first generations run before the measurement starts, not during it.
        await WatchAsync(readModel, warm, Task.CompletedTask);

        // Each answer: how long it took, and when it was sent and came (Stopwatch timestamps).
        var answers = new List<(double Ms, long From, long To)>();
        await using var stalls = EmulatorStalls.Watch(connection);
        var answered = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var startedAt = Stopwatch.GetTimestamp();
        var startedAtUtc = DateTimeOffset.UtcNow;
        long lastAnswer = startedAt;
        var sending = Task.WhenAll(Enumerable.Range(0, senders).Select(async s =>
        {
            for (var i = 0; i < perSender; i++)
            {
                var id = $"{run}-bench-{s}-{i}";
                var from = Stopwatch.GetTimestamp();
                var elapsed = await SendAsync(http, id);
                var at = Stopwatch.GetTimestamp();
                // The last of each ten, and each sender's last: the watched cases reach to the end of the run.
                if (i % Watched == Watched - 1 || i == perSender - 1)
                {
                    answered[IntakeCommands.CaseIdFor(IntakeSources.Native, id)] = at;
                }

                lock (answers)
                {
                    answers.Add((elapsed, from, at));
                    lastAnswer = Math.Max(lastAnswer, at);
                }
            }
        }));
        var visible = await WatchAsync(readModel, answered, sending);
        await sending;
        var latencies = answers.Select(a => a.Ms).Order().ToList();
        var seconds = latencies.Count / Stopwatch.GetElapsedTime(startedAt, lastAnswer).TotalSeconds;
        var drain = Math.Max(0, Stopwatch.GetElapsedTime(lastAnswer, visible.AllSeenAt).TotalSeconds);
        double P(double q) => Percentile(latencies, q);
        Console.WriteLine($"intake webhook, {senders} concurrent senders, {latencies.Count} signed native intakes (each a new case, a durable start, on Azurite):");
        Console.WriteLine($"  answer: p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {latencies[^1]:0.0} ms   {seconds:0.0} intakes/s");
        // Beside it, the answers that did not wait through a stall of the emulator's queue service (EmulatorStalls).
        var clear = answers.Where(a => !stalls.Overlaps(a.From, a.To)).Select(a => a.Ms).Order().ToList();
        Console.WriteLine($"  {stalls.Describe(startedAt, lastAnswer)}");
        if (clear.Count > 0 && clear.Count < latencies.Count)
        {
            Console.WriteLine($"  answers that did not overlap a stall ({clear.Count}): p50 {Percentile(clear, 0.50):0.0} ms   p95 {Percentile(clear, 0.95):0.0} ms   p99 {Percentile(clear, 0.99):0.0} ms   max {clear[^1]:0.0} ms");
        }

        var lags = visible.Lags;
        lags.Sort();
        double L(double q) => Percentile(lags, q);
        Console.WriteLine($"  visible after the answer (1 case in {Watched}, read until the read model has it): p50 {L(0.50):0} ms   p95 {L(0.95):0} ms   p99 {L(0.99):0} ms   max {lags[^1]:0} ms");
        // When the slowest were sent tells a stall (all at once) from a load that grows (spread towards the end); the
        // start's UTC time puts them beside the emulator's own log.
        Console.WriteLine($"  the 10 slowest answers, sent at (s into the run, which started {startedAtUtc:HH:mm:ss.fff} UTC): {string.Join(", ", answers.OrderByDescending(a => a.Ms).Take(10).Select(a => $"{a.Ms / 1000:0.0} s at {Stopwatch.GetElapsedTime(startedAt, a.From).TotalSeconds:0.0}"))}");
        Console.WriteLine($"  the last watched case visible {drain:0.0} s after the last answer; a pass over the unseen took {visible.LongestPassMs:0} ms at most");
        await app.StopAsync();
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted values (nearest rank).</summary>
    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private sealed record Visibility(List<double> Lags, long AllSeenAt, double LongestPassMs);

    /// <summary>Reads each answered case until the read model has it, in passes, until the senders are done and every case is seen.</summary>
    private static async Task<Visibility> WatchAsync(ICaseReadModel readModel, ConcurrentDictionary<string, long> answered, Task sending)
    {
        var lags = new List<double>();
        var longestPass = 0.0;
        var allSeenAt = Stopwatch.GetTimestamp();
        while (!sending.IsCompleted || !answered.IsEmpty)
        {
            var pass = Stopwatch.GetTimestamp();
            foreach (var (caseId, at) in answered.ToArray())
            {
                if (await readModel.ReadAsync(caseId) is not null)
                {
                    allSeenAt = Stopwatch.GetTimestamp();
                    lags.Add(Stopwatch.GetElapsedTime(at, allSeenAt).TotalMilliseconds);
                    answered.TryRemove(caseId, out _);
                }
            }

            longestPass = Math.Max(longestPass, Stopwatch.GetElapsedTime(pass).TotalMilliseconds);
            await Task.Delay(50);
        }

        return new Visibility(lags, allSeenAt, longestPass);
    }

    private static async Task<double> SendAsync(HttpClient http, string id)
    {
        var body = Encoding.UTF8.GetBytes("""
            {"programmeId":"drc-denmark","applicant":{"name":"Bench Person","dateOfBirth":"1990-03-14"},"nationality":"UG","countryOfReturn":"UG",
             "returnType":"voluntary","consentToShareWithPartner":true,"eligibilityFacts":{"residenceStatus":"asylum-finally-refused",
             "wishesToReturnVoluntarily":true,"conviction":"none","openResidencePermitCase":false,"repatriationSupportReceived":false,
             "returnedBeforeThroughProgramme":false,"manifestlyUnfoundedProcedure":false,"toleratedStay":false,"enteredToObtainSupport":false,
             "dublinTransferWithoutRegistration":false,"hasReturnDecision":true}}
            """);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var signature = HMACSHA256.HashData(Convert.FromBase64String(Secret[6..]), signed);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/native") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(signature));
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.StatusCode == System.Net.HttpStatusCode.Accepted ? elapsed : throw new InvalidOperationException($"intake answered {(int)response.StatusCode}");
    }
}
