using System.Collections.Concurrent;
using System.Net;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Security;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Traces_and_metrics_go_out_over_otlp_http_to_the_configured_endpoint()
    {
        var port = LoopbackPorts.PickThreeFree().First;
        var received = new ConcurrentQueue<(string Path, long Bytes)>();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, body.Length));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var app = new OtlpApp($"http://127.0.0.1:{port}");
        await app.NewCaseAsync("otel-1");
        (await app.Counsellor.GetAsync("/api/cases/otel-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Get<Reintegration.Functions.Hosting.Telemetry>().Flush().ShouldBeTrue();
        await app.DisposeAsync();
        collector.Stop();
        await listening;

        received.ShouldContain(r => r.Path == "/v1/traces" && r.Bytes > 0, string.Join(", ", received));
        received.ShouldContain(r => r.Path == "/v1/metrics" && r.Bytes > 0);
    }

    private sealed class OtlpApp(string endpoint) : AppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
                return settings;
            }
        }
    }
}
