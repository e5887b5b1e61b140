using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Reintegration.Storage.Pipeline;

/// <summary>
/// One Azure.Core <see cref="HttpPipeline"/> per client: retry (exponential, Retry-After), per-attempt headers, then
/// SharedKey/SharedKeyLite signing or an Entra ID bearer token, then logging and the transport.
/// </summary>
internal sealed class StorageRestPipeline
{
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    public StorageRestPipeline(StorageConnection connection, StorageClientOptions? options, SharedKeyScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageClientOptions();
        HttpPipelinePolicy authentication = connection.SharedKey is { } key
            ? new SharedKeySigningPolicy(key, scheme)
            : new BearerTokenAuthenticationPolicy(
                connection.TokenCredential ?? throw new ArgumentException("The connection has no credential.", nameof(connection)),
                StorageScope);
        _pipeline = HttpPipelineBuilder.Build(
            options,
            [],
            [new StorageHeadersPolicy(options.ServiceVersion, TimeProvider.System), authentication],
            StorageResponseClassifier.Shared);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>
    /// Sends with retries. When every attempt failed in transport (refused, reset, timed out), throws a
    /// <see cref="StorageRequestException"/> with status 0 instead of Azure.Core's AggregateException.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is (RequestFailedException or AggregateException) and not StorageRequestException
                                  && !cancellationToken.IsCancellationRequested)
        {
            var uri = message.Request.Uri.ToUri();
            throw new StorageRequestException(
                $"{message.Request.Method} to {uri.Scheme}://{uri.Authority} failed in transport after retries: {FirstCause(e).Message}", e);
        }

        return message.Response;
    }

    private static Exception FirstCause(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } all
        ? FirstCause(all.InnerExceptions[0])
        : e.InnerException is HttpRequestException or IOException ? e.InnerException : e;
}

/// <summary>Turns an unexpected answer into a <see cref="StorageRequestException"/>.</summary>
internal static class StorageErrors
{
    public static void ThrowUnless(Response response, string operation, params ReadOnlySpan<int> expected)
    {
        if (!expected.Contains(response.Status))
        {
            throw From(response, operation);
        }
    }

    public static StorageRequestException From(Response response, string operation)
    {
        var code = ErrorCodeOf(response);
        return new StorageRequestException(response.Status, code, Describe(operation, response.Status, code, response.ClientRequestId));
    }

    public static string Describe(string operation, int status, string? code, string? requestId, int? index = null) =>
        $"{operation} failed with HTTP {status}{(code is null ? string.Empty : $" ({code})")}"
        + (index is null ? string.Empty : $" at operation #{index}")
        + (string.IsNullOrEmpty(requestId) ? "." : $"; client request id {requestId}.");

    /// <summary>The x-ms-error-code header, else the code in a JSON (Table) or XML (Blob, Queue) error body.</summary>
    public static string? ErrorCodeOf(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header;
        }

        return response.ContentStream is null ? null : ErrorBody.Code(response.Content.ToString());
    }
}
