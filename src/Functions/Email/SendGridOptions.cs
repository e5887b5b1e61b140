namespace Reintegration.Functions.Email;

/// <summary>SendGrid's v3 Mail Send API (section <c>Email:SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    public const string Section = "Email:SendGrid";

    public string ApiKey { get; set; } = string.Empty;

    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>A verified sender identity of the SendGrid account.</summary>
    public string FromAddress { get; set; } = string.Empty;

    public string? FromName { get; set; }

    /// <summary>SendGrid validates the request and delivers nothing (it answers 200 instead of 202).</summary>
    public bool SandboxMode { get; set; }

    /// <summary>The Signed Event Webhook's verification key (base64 SPKI DER), for <see cref="SendGridEventSignature"/>.</summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>SendGrid retries a failed event post for up to 72 hours: the default is not below that.</summary>
    public static readonly TimeSpan DefaultEventMaxAge = TimeSpan.FromDays(3);

    /// <summary>
    /// How old a signed event post may be (its signed timestamp); older ones are refused as replays. Within it, a
    /// replayed event is a duplicate by its <c>sg_event_id</c>.
    /// </summary>
    public TimeSpan EventMaxAge { get; set; } = DefaultEventMaxAge;

    /// <summary>Tries per e-mail, the first included; 429 and 5xx answers and network failures are retried.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait between tries; when SendGrid asks for longer, the e-mail is left for a later run instead.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);
}
