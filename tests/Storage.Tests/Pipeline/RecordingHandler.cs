using System.Net;
using Azure.Core.Pipeline;

namespace Reintegration.Storage.Tests.Pipeline;

/// <summary>
/// An HTTP handler under Azure.Core's real transport that records each request as sent (headers, body) and answers
/// from a script, so pipeline behaviour (signing, retries) is tested without a server.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answer used when the script is empty.</summary>
    public HttpStatusCode DefaultStatus { get; set; } = HttpStatusCode.Created;

    public RecordingHandler Then(HttpStatusCode status, string? errorCode = null, string? retryAfter = null)
    {
        _script.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            if (errorCode is not null)
            {
                response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
            }

            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        });
        return this;
    }

    public RecordingHandler ThenConnectionRefused()
    {
        _script.Enqueue(() => throw new HttpRequestException("Connection refused (simulated)"));
        return this;
    }

    public StorageClientOptions Options()
    {
        var options = new StorageClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(this)),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 3;
        return options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body));
        return _script.TryDequeue(out var next)
            ? next()
            : new HttpResponseMessage(DefaultStatus) { Content = new ByteArrayContent([]) };
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
