namespace Reintegration.Functions.Email;

/// <summary>
/// A mail service did not accept an e-mail. The message names the case, the effect and the HTTP status, never an
/// address or any content, so it is safe to log. <see cref="IsTransient"/> says whether trying later may succeed.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public EmailDeliveryException(string message, int? statusCode, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status of the last answer; null when no answer came (network failure, timeout).</summary>
    public int? StatusCode { get; }

    public bool IsTransient { get; }
}
