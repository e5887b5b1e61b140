using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Functions.Hosting;

/// <summary>Intake webhook latency: the real app on loopback over Azurite, N concurrent senders of signed native intakes.</summary>
public static class IntakeLatency
{
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

        for (var i = 0; i < 200; i++)
        {
            await SendAsync(http, $"{run}-warmup-{i}");
        }

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async s =>
        {
            for (var i = 0; i < perSender; i++)
            {
                var elapsed = await SendAsync(http, $"{run}-bench-{s}-{i}");
                lock (latencies)
                {
                    latencies.Add(elapsed);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"intake webhook, {senders} concurrent senders, {latencies.Count} signed native intakes (each a new case, a durable start, on Azurite):");
        Console.WriteLine($"  p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {latencies[^1]:0.0} ms   {latencies.Count / seconds:0.0} intakes/s");
        await app.StopAsync();
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
