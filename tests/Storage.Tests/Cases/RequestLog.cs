using Azure.Core.Pipeline;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>Passes every request on to the real server and keeps its path, to see which tables a client touched.</summary>
public sealed class RequestLog() : DelegatingHandler(new HttpClientHandler())
{
    private readonly Lock gate = new();
    private readonly List<string> paths = [];

    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (gate)
            {
                return [.. paths];
            }
        }
    }

    public StorageAccount Account(string connectionString) =>
        StorageAccount.FromConnectionString(connectionString, new HttpClientTransport(new HttpClient(this)));

    public void Clear()
    {
        lock (gate)
        {
            paths.Clear();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            paths.Add(Uri.UnescapeDataString(request.RequestUri!.AbsolutePath));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
