using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Functions.Intake;

/// <summary>How a webhook's sender checked out.</summary>
public enum AuthenticationOutcome
{
    Valid,

    /// <summary>The credentials or signature headers are absent.</summary>
    Missing,

    /// <summary>Present but wrong: a bad signature, secret or header format.</summary>
    Invalid,

    /// <summary>Correctly signed, but the timestamp is outside the tolerance: possibly a replay.</summary>
    Stale,
}

/// <summary>The outcome and a reason fit for a log line or a 401 answer (it never echoes secrets).</summary>
public sealed record AuthenticationResult(AuthenticationOutcome Outcome, string Reason)
{
    public bool IsValid => Outcome == AuthenticationOutcome.Valid;

    public static AuthenticationResult Valid(string reason) => new(AuthenticationOutcome.Valid, reason);

    public static AuthenticationResult Missing(string reason) => new(AuthenticationOutcome.Missing, reason);

    public static AuthenticationResult Invalid(string reason) => new(AuthenticationOutcome.Invalid, reason);

    public static AuthenticationResult Stale(string reason) => new(AuthenticationOutcome.Stale, reason);
}

/// <summary>Header reads and comparisons shared by the webhook checks.</summary>
internal static class SenderHeaders
{
    /// <summary>The header's single non-empty value, or null when absent or repeated.</summary>
    public static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>Compares two secrets in constant time, without leaking their lengths either.</summary>
    public static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
