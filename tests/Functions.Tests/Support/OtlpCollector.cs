using System.Collections.Concurrent;
using System.Net;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Support;

/// <summary>A stand-in OTLP/HTTP collector on a free loopback port: keeps each export's path and body.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task listening;

    public OtlpCollector()
    {
        var port = LoopbackPorts.PickThreeFree().First;
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        listening = Task.Run(ListenAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Exported { get; } = new();

    /// <summary>An app that exports its traces and metrics here.</summary>
    public AppFactory App() => new OtlpApp(Endpoint);

    /// <summary>Stops listening once everything sent so far is kept.</summary>
    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await listening;
        listener.Close();
    }

    private async Task ListenAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Exported.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                // Stopped while an export was in flight (the app exports on its own schedule): it is the last one.
                return;
            }
        }
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
