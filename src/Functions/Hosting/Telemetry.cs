using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Traces and metrics over OTLP (OpenTelemetry 1.20.1, wired by hand: the hosting package is not served). On when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the standard OTEL_* variables). Every handled command
/// adds its case id, command and outcome to the current trace, counts in <c>reintegration.commands</c>, and logs one
/// line carrying the case id — ids only, never personal data. Link tokens are capabilities: spans keep only their
/// fingerprint (<see cref="LinkTokenRedaction"/>), and the metrics carry route templates, never paths.
/// </summary>
public sealed partial class Telemetry(ILogger<Telemetry> logger) : ICommandObserver, IDisposable
{
    public const string Name = "Reintegration";
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("reintegration.commands", description: "Case commands handled, by command and outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("reintegration.command.duration", "ms", "Time to handle a case command");
    private TracerProvider? tracer;
    private MeterProvider? meter;

    public void Start(IConfiguration config)
    {
        if (config["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 } endpoint)
        {
            return;
        }

        // OTLP over HTTP/protobuf to {endpoint}/v1/traces and /v1/metrics (what collectors and Azure Monitor's OTLP intake take).
        var root = endpoint.TrimEnd('/');
        tracer = Sdk.CreateTracerProviderBuilder().AddSource(Name, "Microsoft.AspNetCore")
            .AddProcessor(new LinkTokenScrubber())
            .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(root + "/v1/traces")))
            .Build();
        meter = Sdk.CreateMeterProviderBuilder().AddMeter(Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(root + "/v1/metrics")))
            .Build();
    }

    /// <summary>
    /// Names the request on its server span (ASP.NET Core's own span has no HTTP attributes without the
    /// instrumentation package); the path is scrubbed of link tokens before export.
    /// </summary>
    public static void TagRequests(IApplicationBuilder app) => app.Use((http, next) =>
    {
        Activity.Current?.SetTag("http.request.method", http.Request.Method)
            .SetTag("url.path", http.Request.PathBase.Add(http.Request.Path).Value);
        return next(http);
    });

    public void Handled(CaseCommand command, CommandResult result, TimeSpan elapsed)
    {
        var kind = command.GetType().Name;
        var outcome = result.Rejection?.Code ?? result.Outcome.ToString();
        Activity.Current?.SetTag("case.id", command.CaseId).SetTag("case.command", kind).SetTag("case.outcome", outcome);
        Commands.Add(1, new KeyValuePair<string, object?>("command", kind), new KeyValuePair<string, object?>("outcome", outcome));
        Duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("command", kind));
        Logged(logger, kind, command.CaseId, outcome, result.State.Version);
    }

    /// <summary>Sends what is buffered now (shutdown does the same).</summary>
    public bool Flush() => (tracer?.ForceFlush() ?? true) & (meter?.ForceFlush() ?? true);

    public void Dispose()
    {
        tracer?.Dispose();
        meter?.Dispose();
    }

    /// <summary>Before export, every span name and tag that holds a link token keeps only its fingerprint.</summary>
    private sealed class LinkTokenScrubber : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (LinkTokenRedaction.MayHoldToken(data.DisplayName))
            {
                data.DisplayName = LinkTokenRedaction.Redact(data.DisplayName);
            }

            foreach (var (key, value) in data.TagObjects.ToList())
            {
                if (value is string text && LinkTokenRedaction.MayHoldToken(text))
                {
                    data.SetTag(key, LinkTokenRedaction.Redact(text));
                }
            }
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Command} on case {CaseId}: {Outcome} (version {Version})")]
    private static partial void Logged(ILogger logger, string command, string caseId, string outcome, long version);
}
