using System.Net;

namespace Reintegration.Functions.Tests.Email;

/// <summary>A fake SendGrid: answers from a script, one answer per request, and records what it was sent.</summary>
public sealed class ScriptedSendGrid : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();

    public List<SentRequest> Requests { get; } = [];

    public ScriptedSendGrid Then(HttpStatusCode status, Action<HttpResponseMessage>? shape = null, string? body = null)
    {
        answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty) };
            shape?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedSendGrid ThenNetworkFailure()
    {
        answers.Enqueue(() => throw new HttpRequestException("connection refused"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(new SentRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken)));
        return answers.Count > 0 ? answers.Dequeue()() : throw new InvalidOperationException("The script has no more answers.");
    }
}

/// <summary>The app's HttpClient factory in tests: every client goes to one fake handler, never the internet.</summary>
public sealed class HandlerClients(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

public sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body);
