using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Functions.Intake;

/// <summary>
/// Verifies a Standard Webhooks message: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64&gt;</c>
/// HMAC-SHA256 signatures over <c>id.timestamp.body</c>. Several secrets may be configured while one is rotated.
/// </summary>
public sealed class StandardWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private readonly IReadOnlyList<byte[]> keys;
    private readonly TimeSpan tolerance;

    /// <param name="secrets">Secrets as <c>whsec_&lt;base64&gt;</c> (the prefix is optional).</param>
    /// <param name="tolerance">How far the timestamp may be from now either way; five minutes by default.</param>
    public StandardWebhookVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null)
    {
        keys = [.. secrets.Select(s => TryDecodeSecret(s, out var key) ? key : throw new ArgumentException("A Standard Webhooks secret must be whsec_ followed by base64.", nameof(secrets)))];
        this.tolerance = tolerance ?? DefaultTolerance;
    }

    public static bool TryDecodeSecret(string secret, out byte[] key)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        key = [];
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length > 0;
    }

    public AuthenticationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var id = SenderHeaders.Single(headers, IdHeader);
        var timestamp = SenderHeaders.Single(headers, TimestampHeader);
        var signatures = SenderHeaders.Single(headers, SignatureHeader);
        var missing = new[] { (Name: IdHeader, Value: id), (Name: TimestampHeader, Value: timestamp), (Name: SignatureHeader, Value: signatures) }
            .Where(h => h.Value is null).Select(h => h.Name).ToList();
        if (missing.Count > 0)
        {
            return AuthenticationResult.Missing($"The header(s) {string.Join(", ", missing)} must each appear once.");
        }

        if (id!.Length > 256)
        {
            return AuthenticationResult.Invalid($"{IdHeader} must be at most 256 characters.");
        }

        if (keys.Count == 0)
        {
            return AuthenticationResult.Invalid("No Standard Webhooks secret is configured.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return AuthenticationResult.Invalid($"{TimestampHeader} must be Unix time in whole seconds.");
        }

        var presented = signatures!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Decode(s[3..]))
            .OfType<byte[]>()
            .ToList();
        if (presented.Count == 0)
        {
            return AuthenticationResult.Invalid($"{SignatureHeader} holds no v1 signature.");
        }

        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = false;
        foreach (var key in keys)
        {
            var expected = Sign(key, prefix, body);
            signed |= presented.Any(signature => CryptographicOperations.FixedTimeEquals(expected, signature));
        }

        if (!signed)
        {
            return AuthenticationResult.Invalid("No signature matches the message and a configured secret.");
        }

        var skew = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > tolerance)
        {
            var when = skew > TimeSpan.Zero ? "ago" : "in the future";
            return AuthenticationResult.Stale($"The message was signed {skew.Duration().TotalSeconds:0} s {when}; at most {tolerance.TotalSeconds:0} s either way is accepted.");
        }

        return AuthenticationResult.Valid($"Signed message {id}.");
    }

    private static byte[] Sign(byte[] key, byte[] prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
