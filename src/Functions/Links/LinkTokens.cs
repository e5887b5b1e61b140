using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Api;

namespace Reintegration.Functions.Links;

/// <summary>
/// Signs and checks the tokens in e-mail links: <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload part))</c>.
/// Verification never reads the clock: the caller passes <c>now</c>.
/// </summary>
public sealed partial class LinkTokens
{
    public const int MaxTokenLength = 512;
    private const int MinKeyBytes = 32;
    private const int SignatureBytes = 32;

    private readonly LinkSigningKey current;
    private readonly LinkSigningKey? previous;
    private readonly Uri baseUrl;

    public LinkTokens(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        current = LinkSigningKey.From(options.KeyId, options.Key, "Links:KeyId", "Links:Key")
            ?? throw new InvalidOperationException("Links:KeyId and Links:Key are required.");
        previous = LinkSigningKey.From(options.PreviousKeyId, options.PreviousKey, "Links:PreviousKeyId", "Links:PreviousKey");
        if (previous is not null && previous.Id == current.Id)
        {
            throw new InvalidOperationException("Links:PreviousKeyId must differ from Links:KeyId.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("Links:BaseUrl must be an absolute http(s) URL.");
        }

        baseUrl = new Uri(parsed.AbsoluteUri.TrimEnd('/') + "/");
    }

    public string CurrentKeyId => current.Id;

    public string Issue(string caseId, LinkIntent intent) => Issue(LinkClaims.For(caseId, intent));

    public string Issue(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (!CaseIds.IsValid(claims.CaseId) || !Enum.IsDefined(claims.Action) || claims.Round < 0)
        {
            throw new ArgumentException("A link needs a valid case id, a defined action and a round of 0 or more.", nameof(claims));
        }

        var payload = Base64Url.EncodeToString(LinkTokenPayload.Write(claims, current.Id));
        return payload + "." + Base64Url.EncodeToString(current.Sign(payload));
    }

    /// <summary>
    /// The absolute address of the link's confirmation page: <c>{BaseUrl}/links/{token}</c>, with <c>?lang=</c> when a
    /// language is given (the recipient's: a Danish e-mail opens a Danish page; the page's language switch still works).
    /// </summary>
    public Uri UrlFor(string token, string? language = null) =>
        new(baseUrl, "links/" + token + (language is { Length: > 0 } ? "?lang=" + Uri.EscapeDataString(language) : string.Empty));

    public LinkVerification Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Shape().IsMatch(token))
        {
            return new LinkVerification.Malformed();
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payloadPart = token[..dot];
        if (Decode(payloadPart) is not { } payload || Decode(token[(dot + 1)..]) is not { Length: SignatureBytes } signature)
        {
            return new LinkVerification.Malformed();
        }

        // Both keys are always computed, so the time taken does not tell which one matched.
        var byCurrent = CryptographicOperations.FixedTimeEquals(current.Sign(payloadPart), signature);
        var byPrevious = previous is not null && CryptographicOperations.FixedTimeEquals(previous.Sign(payloadPart), signature);
        if (!byCurrent && !byPrevious)
        {
            return new LinkVerification.Tampered();
        }

        if (LinkTokenPayload.Read(payload) is not { } read)
        {
            return new LinkVerification.Malformed();
        }

        var (claims, keyId) = read;
        var signedBy = byCurrent ? current.Id : previous!.Id;
        if (keyId != signedBy)
        {
            return new LinkVerification.Tampered();
        }

        return now >= claims.ExpiresAt ? new LinkVerification.Expired(claims) : new LinkVerification.Valid(claims);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex Shape();

    /// <summary>Decodes base64url, refusing padding and non-canonical spellings, so each token has exactly one form.</summary>
    private static byte[]? Decode(string part)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(part);
            return Base64Url.EncodeToString(bytes) == part ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class LinkSigningKey(string id, byte[] secret)
    {
        public string Id { get; } = id;

        public byte[] Sign(string payloadPart) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(payloadPart));

        public static LinkSigningKey? From(string? id, string? key, string idName, string keyName)
        {
            if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(key))
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException($"{idName} and {keyName} go together: set both or neither.");
            }

            var secret = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, secret, out var length) || length < MinKeyBytes)
            {
                throw new InvalidOperationException($"{keyName} must be base64 of at least {MinKeyBytes} bytes (e.g. 32 random bytes).");
            }

            return new LinkSigningKey(id.Trim(), secret[..length]);
        }
    }
}
