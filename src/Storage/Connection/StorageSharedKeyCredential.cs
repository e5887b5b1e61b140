using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Storage;

/// <summary>An account name and its access key, used to sign requests with SharedKey or SharedKeyLite.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Never echo the key itself.
            throw new FormatException($"The account key for '{accountName}' is not valid base64.");
        }
    }

    public string AccountName { get; }

    /// <summary>Base64 of HMAC-SHA256 over the UTF-8 string-to-sign, keyed with the decoded account key.</summary>
    public string ComputeSignature(string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public override string ToString() => $"StorageSharedKeyCredential({AccountName})";
}
