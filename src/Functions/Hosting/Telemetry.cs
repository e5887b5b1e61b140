using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Traces and metrics over OTLP (OpenTelemetry.Extensions.Hosting with the ASP.NET Core and HttpClient
/// instrumentation). On when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Every handled command
/// adds its case id, command and outcome to the current trace, counts in <c>reintegration.commands</c>, and logs one
/// line carrying the case id — ids only, never personal data. Link tokens are capabilities: spans keep only their
/// fingerprint (<see cref="LinkTokenRedaction"/>), and the metrics carry route templates, never paths.
/// </summary>
public sealed partial class Telemetry(ILogger<Telemetry> logger, IServiceProvider services) : ICommandObserver
{
    public const string Name = "Reintegration";
    /// <summary>The app's one meter: every instrument of ours hangs on it.</summary>
    internal static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("reintegration.commands", description: "Case commands handled, by command and outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("reintegration.command.duration", "ms", "Time to handle a case command");
    /// <summary>Registers the providers with the host when an OTLP endpoint is configured.</summary>
    public static void AddTelemetry(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Telemetry>();
        services.AddSingleton<ICommandObserver>(sp => sp.GetRequiredService<Telemetry>());
        if (config["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 } endpoint)
        {
            return;
        }

        // OTLP over HTTP/protobuf to {endpoint}/v1/traces and /v1/metrics (what collectors and Azure Monitor's OTLP intake take).
        var root = endpoint.TrimEnd('/');
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddProcessor(new LinkTokenScrubber())
                .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(root + "/v1/traces"))))
            .WithMetrics(metrics => metrics.AddMeter(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(root + "/v1/metrics"))));
    }

    public void Handled(CaseCommand command, CommandResult result, TimeSpan elapsed)
    {
        var kind = command.GetType().Name;
        var outcome = result.Rejection?.Code ?? result.Outcome.ToString();
        Activity.Current?.SetTag("case.id", command.CaseId).SetTag("case.command", kind).SetTag("case.outcome", outcome);
        Commands.Add(1, new KeyValuePair<string, object?>("command", kind), new KeyValuePair<string, object?>("outcome", outcome));
        Duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("command", kind));
        Logged(logger, kind, command.CaseId, outcome, result.State.Version);
    }

    /// <summary>Sends what is buffered now (the host does the same when it stops).</summary>
    public bool Flush() =>
        (services.GetService<TracerProvider>()?.ForceFlush() ?? true) & (services.GetService<MeterProvider>()?.ForceFlush() ?? true);

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
