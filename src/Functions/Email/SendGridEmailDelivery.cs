using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reintegration.Functions.Email;

/// <summary>
/// Sends through SendGrid's v3 Mail Send API. 202 is sent (200 in sandbox mode: validated). 429, 5xx and network
/// failures are retried a bounded number of times, honouring <c>Retry-After</c>; any other answer fails at once.
/// Waits go through the injected delay, so tests never sleep.
/// </summary>
public sealed partial class SendGridEmailDelivery : IEmailDelivery
{
    private const int MaxErrorBodyChars = 16_384;

    private readonly HttpClient http;
    private readonly SendGridOptions options;
    private readonly TimeProvider clock;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly Uri endpoint;

    public SendGridEmailDelivery(HttpClient http, SendGridOptions options, TimeProvider? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey) || string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new InvalidOperationException("Email:SendGrid:ApiKey and Email:SendGrid:FromAddress are required.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || options.MaxAttempts < 1)
        {
            throw new InvalidOperationException("Email:SendGrid:BaseUrl must be an absolute URL and Email:SendGrid:MaxAttempts at least 1.");
        }

        this.http = http;
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        this.delay = delay ?? ((wait, token) => Task.Delay(wait, this.clock, token));
        endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/v3/mail/send");
    }

    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = SendGridMailRequest.Json(message, options);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);

            TimeSpan wait;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted || (options.SandboxMode && response.StatusCode == HttpStatusCode.OK))
                {
                    return;
                }

                if (!SendGridRetryWait.IsTransient(response.StatusCode))
                {
                    var fields = await ErrorFieldsAsync(response, cancellationToken);
                    throw Failure(message, $"HTTP {(int)response.StatusCode}{fields}", (int)response.StatusCode, isTransient: false);
                }

                wait = SendGridRetryWait.AskedFor(response, clock.GetUtcNow()) ?? SendGridRetryWait.Backoff(attempt, options.MaxRetryWait);
                if (attempt >= options.MaxAttempts || wait > options.MaxRetryWait)
                {
                    throw Failure(message, $"HTTP {(int)response.StatusCode} after {attempt} attempt(s)", (int)response.StatusCode, isTransient: true);
                }
            }
            catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
            {
                if (attempt >= options.MaxAttempts)
                {
                    throw Failure(message, $"no answer after {attempt} attempt(s)", null, isTransient: true, ex);
                }

                wait = SendGridRetryWait.Backoff(attempt, options.MaxRetryWait);
            }

            await delay(wait, cancellationToken);
        }
    }

    // A timeout surfaces as TaskCanceledException although nobody cancelled.
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static EmailDeliveryException Failure(EmailMessage message, string what, int? status, bool isTransient, Exception? inner = null) =>
        new($"SendGrid did not accept e-mail {message.EffectId} of case {message.CaseId}: {what}.", status, isTransient, inner);

    /// <summary>The names of the request fields SendGrid complains about (e.g. <c>from.email</c>); never its messages, which may quote values.</summary>
    private static async Task<string> ErrorFieldsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text.Length > MaxErrorBodyChars ? string.Empty : text);
            var fields = document.RootElement.GetProperty("errors").EnumerateArray()
                .Select(error => error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null)
                .OfType<string>()
                .Where(field => FieldName().IsMatch(field))
                .Distinct()
                .ToList();
            return fields.Count == 0 ? string.Empty : $" (fields: {string.Join(", ", fields)})";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or HttpRequestException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return string.Empty;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.\\[\\]]{1,80}$")]
    private static partial Regex FieldName();
}
