using System.Threading.RateLimiting;

namespace Reintegration.Functions.Security;

/// <summary>
/// Failed sign-ins and failed API keys (or Entra tokens), counted per client in fixed windows with the rate limiter
/// ASP.NET Core's rate limiting is built on: after <c>Auth:FailureLimit</c> failures (default 10) within
/// <c>Auth:FailureWindow</c> (default 15 minutes) a client's requests that carry credentials get 429 until the window
/// ends, right or wrong, so a key cannot be guessed. Requests without credentials and other clients are not touched.
/// The client is the connection's address after trusted forwarded headers (<c>Hosting/TrustedProxies</c>).
/// </summary>
public sealed class FailedCredentials : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;

    public FailedCredentials(IConfiguration config)
    {
        Limit = config.GetValue("Auth:FailureLimit", 10);
        Window = config.GetValue("Auth:FailureWindow", TimeSpan.FromMinutes(15));
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Limit, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        };
        failures = PartitionedRateLimiter.Create<string, string>(
            client => RateLimitPartition.GetFixedWindowLimiter(client, _ => options));
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public bool IsBlocked(HttpContext http) => failures.GetStatistics(ClientOf(http))?.CurrentAvailablePermits <= 0;

    /// <summary>Counts one failure of this request's client.</summary>
    public void Failed(HttpContext http)
    {
        using var lease = failures.AttemptAcquire(ClientOf(http));
    }

    /// <summary>Refuses, before authentication, a request with credentials from a client over its limit.</summary>
    public static IResult? Refusal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limiter = http.RequestServices.GetRequiredService<FailedCredentials>();
        if (!CarriesCredentials(http.Request) || !limiter.IsBlocked(http))
        {
            return null;
        }

        var seconds = (int)limiter.Window.TotalSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            type: "too-many-failures",
            title: "Too many failed attempts.",
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: "Too many failed keys or sign-ins from this client; try again later.");
    }

    public void Dispose() => failures.Dispose();

    private static bool CarriesCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) || request.Headers.ContainsKey("Authorization")
        || (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/sign-in"));
}
