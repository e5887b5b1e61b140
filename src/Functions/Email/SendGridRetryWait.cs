using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Reintegration.Functions.Email;

/// <summary>
/// How long to wait before trying SendGrid again, and which answers are worth another try. The SendGrid package's own
/// retry handler reads neither <c>Retry-After</c> nor the rate-limit reset, and is not used over the app's HttpClient.
/// </summary>
internal static class SendGridRetryWait
{
    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// The wait the answer asks for: <c>Retry-After</c> (seconds or an HTTP date), else SendGrid's rate-limit reset
    /// (<c>X-RateLimit-Reset</c>, Unix seconds) on a 429; null when it asks for nothing.
    /// </summary>
    public static TimeSpan? AskedFor(HttpStatusCode status, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return NotNegative(delta);
            }

            if (retryAfter.Date is { } date)
            {
                return NotNegative(date - now);
            }
        }

        if (status == HttpStatusCode.TooManyRequests
            && headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
            && reset < DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(reset) - now);
        }

        return null;
    }

    /// <summary>1 s, 2 s, 4 s, ... up to the cap, when the answer gives no hint.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan cap) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), cap.TotalSeconds));

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
