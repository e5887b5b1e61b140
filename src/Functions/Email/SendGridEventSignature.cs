using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Functions.Email;

/// <summary>
/// Checks SendGrid's Signed Event Webhook: an ECDSA P-256 / SHA-256 signature (base64 DER) over the UTF-8 timestamp
/// followed by the exact raw body bytes. The public key is the base64 SPKI DER shown in SendGrid's settings.
/// </summary>
public sealed class SendGridEventSignature
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private const int MaxSignatureChars = 256;
    private const int MaxTimestampChars = 32;

    private readonly byte[] publicKey;

    public SendGridEventSignature(string publicKeyBase64)
    {
        try
        {
            publicKey = Convert.FromBase64String(publicKeyBase64 ?? string.Empty);
            using var key = Import(publicKey);
            if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new InvalidOperationException("The SendGrid event webhook key must be a P-256 key.");
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidOperationException("The SendGrid event webhook key is not a base64 SPKI public key.", ex);
        }
    }

    /// <summary>True when the headers sign exactly these body bytes. Any missing or garbled part is simply invalid.</summary>
    public bool IsValid(string? signature, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > MaxSignatureChars
            || string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampChars)
        {
            return false;
        }

        var der = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, der, out var derLength))
        {
            return false;
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + rawBody.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        rawBody.CopyTo(signed.AsSpan(written));

        // A fresh key object per call: ECDsa instances are not documented as safe to share across threads.
        using var key = Import(publicKey);
        try
        {
            return key.VerifyData(signed, der.AsSpan(0, derLength), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the signed timestamp (Unix seconds) is no older than <paramref name="maxAge"/> and at most five
    /// minutes ahead of <paramref name="now"/> (clock skew).
    /// </summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxAge)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, invariant, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return signedAt >= now - maxAge && signedAt <= now + TimeSpan.FromMinutes(5);
    }

    private static ECDsa Import(byte[] spki)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
