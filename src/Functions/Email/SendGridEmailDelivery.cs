using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Reintegration.Functions.Email;

/// <summary>
/// Sends through SendGrid's v3 Mail Send API with the SendGrid package, over the app's HttpClient. 202 is sent (200
/// in sandbox mode: validated). 429, 5xx and network failures are retried a bounded number of times, honouring
/// <c>Retry-After</c>; any other answer fails at once. Waits go through the injected delay, so tests never sleep.
/// Each effect id is recorded in the send log before the call and after SendGrid accepted; a sent one is skipped.
/// </summary>
public sealed partial class SendGridEmailDelivery : IEmailDelivery
{
    /// <summary>The name of the app's HttpClient for SendGrid (IHttpClientFactory).</summary>
    public const string HttpClientName = "SendGrid";

    private const int MaxErrorBodyChars = 16_384;

    private readonly IHttpClientFactory http;
    private readonly SendGridOptions options;
    private readonly IEmailSendLog sends;
    private readonly TimeProvider clock;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly SendGridClientOptions client;

    public SendGridEmailDelivery(
        IHttpClientFactory http,
        SendGridOptions options,
        IEmailSendLog sends,
        TimeProvider? clock = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sends);
        if (string.IsNullOrWhiteSpace(options.ApiKey) || string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new InvalidOperationException("Email:SendGrid:ApiKey and Email:SendGrid:FromAddress are required.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || options.MaxAttempts < 1)
        {
            throw new InvalidOperationException(
                "Email:SendGrid:BaseUrl must be an absolute URL and Email:SendGrid:MaxAttempts at least 1.");
        }

        this.http = http;
        this.options = options;
        this.sends = sends;
        this.clock = clock ?? TimeProvider.System;
        this.delay = delay ?? ((wait, token) => Task.Delay(wait, this.clock, token));
        // Answers are read here (error fields only); the package's exceptions would quote SendGrid's messages.
        client = new SendGridClientOptions
        {
            ApiKey = options.ApiKey, Host = baseUrl.AbsoluteUri, HttpErrorAsException = false,
        };
    }

    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await sends.StatusAsync(message.CaseId, message.EffectId, cancellationToken) == EmailSendStatus.Sent)
        {
            return;
        }

        await sends.RecordAsync(
            message.CaseId, message.EffectId, EmailSendStatus.Sending, clock.GetUtcNow(), cancellationToken);
        await SendAsync(message, cancellationToken);
        // A crash before this line, after SendGrid accepted, sends the e-mail again (docs/ARCHITECTURE.md).
        await sends.RecordAsync(
            message.CaseId, message.EffectId, EmailSendStatus.Sent, clock.GetUtcNow(), cancellationToken);
    }

    private async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = Mail(message);
        var sendGrid = new SendGridClient(http.CreateClient(HttpClientName), client);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                var response = await sendGrid.SendEmailAsync(mail, cancellationToken);
                using var body = response.Body;
                var status = response.StatusCode;
                if (status == HttpStatusCode.Accepted || (options.SandboxMode && status == HttpStatusCode.OK))
                {
                    return;
                }

                if (!SendGridRetryWait.IsTransient(status))
                {
                    var fields = await ErrorFieldsAsync(body, cancellationToken);
                    throw Failure(message, $"HTTP {(int)status}{fields}", (int)status, isTransient: false);
                }

                wait = SendGridRetryWait.AskedFor(status, response.Headers, clock.GetUtcNow())
                    ?? SendGridRetryWait.Backoff(attempt, options.MaxRetryWait);
                if (attempt >= options.MaxAttempts || wait > options.MaxRetryWait)
                {
                    throw Failure(
                        message, $"HTTP {(int)status} after {attempt} attempt(s)", (int)status, isTransient: true);
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

    /// <summary>One message to one recipient with the case's ids; sandbox as configured; no click tracking.</summary>
    private SendGridMessage Mail(EmailMessage message)
    {
        var from = new EmailAddress(
            options.FromAddress, string.IsNullOrWhiteSpace(options.FromName) ? null : options.FromName);
        // Not MailHelper.CreateSingleEmail: it puts the subject into the personalization instead of the message.
        var mail = new SendGridMessage
        {
            From = from, Subject = message.Subject, PlainTextContent = message.Text, HtmlContent = message.Html,
        };
        mail.AddTo(new EmailAddress(message.To));
        // Echoed on every Event Webhook event, so a bounce finds its case. Ids only: SendGrid keeps these long-term.
        mail.AddCustomArgs(new Dictionary<string, string>
        {
            ["case_id"] = message.CaseId, ["effect_id"] = message.EffectId,
        });
        mail.SetSandBoxMode(options.SandboxMode);
        // Click tracking would rewrite the signed links through SendGrid's redirector.
        mail.SetClickTracking(false, false);
        return mail;
    }

    // A timeout surfaces as TaskCanceledException although nobody cancelled.
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static EmailDeliveryException Failure(
        EmailMessage message, string what, int? status, bool isTransient, Exception? inner = null) =>
        new($"SendGrid did not accept e-mail {message.EffectId} of case {message.CaseId}: {what}.",
            status, isTransient, inner);

    /// <summary>
    /// The names of the request fields SendGrid complains about (e.g. <c>from.email</c>); never its messages, which
    /// may quote values.
    /// </summary>
    private static async Task<string> ErrorFieldsAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        try
        {
            var text = body is null ? string.Empty : await body.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text.Length > MaxErrorBodyChars ? string.Empty : text);
            var fields = document.RootElement.GetProperty("errors").EnumerateArray()
                .Select(error => error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String
                    ? field.GetString()
                    : null)
                .OfType<string>()
                .Where(field => FieldName().IsMatch(field))
                .Distinct()
                .ToList();
            return fields.Count == 0 ? string.Empty : $" (fields: {string.Join(", ", fields)})";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException
            or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return string.Empty;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.\\[\\]]{1,80}$")]
    private static partial Regex FieldName();
}
