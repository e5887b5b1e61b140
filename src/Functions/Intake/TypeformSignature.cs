using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Functions.Intake;

/// <summary>Typeform signs the raw body: <c>Typeform-Signature: sha256=</c> + base64(HMAC-SHA256(secret, body)).</summary>
public static class TypeformSignature
{
    public const string Header = "Typeform-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static AuthenticationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, string secret)
    {
        var presented = SenderHeaders.Single(headers, Header);
        if (presented is null)
        {
            return AuthenticationResult.Missing($"The header {Header} must appear once.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticationResult.Invalid("No Typeform secret is configured, so nothing is accepted.");
        }

        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return AuthenticationResult.Invalid($"{Header} must start with {Prefix}.");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(presented))
            ? AuthenticationResult.Valid("Signed by Typeform.")
            : AuthenticationResult.Invalid("The signature does not match the body and the configured secret.");
    }
}
