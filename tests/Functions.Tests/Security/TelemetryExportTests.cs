using System.Diagnostics;
using System.Net;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Traces_and_metrics_go_out_over_otlp_http_to_the_configured_endpoint()
    {
        var collector = new OtlpCollector();
        var app = collector.App();
        await app.NewCaseAsync("otel-1");
        (await app.Counsellor.GetAsync("/api/cases/otel-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The server ends a request's span just after its response reaches the client, so a flush right after the GET
        // can find it not ended yet (seen once in a full run: metrics out, no traces). Flush until the traces are out,
        // bounded; the assertions below say what was missing.
        var telemetry = app.Get<Reintegration.Functions.Hosting.Telemetry>();
        var flushing = Stopwatch.StartNew();
        do
        {
            telemetry.Flush().ShouldBeTrue();
            await Task.Delay(25);
        }
        while (!collector.Exported.Any(e => e.Path == "/v1/traces") && flushing.Elapsed < TimeSpan.FromSeconds(10));

        await app.DisposeAsync();
        await collector.DisposeAsync();

        var received = collector.Exported.Select(e => (e.Path, Bytes: e.Body.Length)).ToList();
        received.ShouldContain(r => r.Path == "/v1/traces" && r.Bytes > 0, string.Join(", ", received));
        received.ShouldContain(r => r.Path == "/v1/metrics" && r.Bytes > 0);
    }
}
