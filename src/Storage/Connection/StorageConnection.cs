using Azure.Core;

namespace Reintegration.Storage;

/// <summary>
/// Where a storage account's services live and how to authenticate to them: a shared key (connection strings,
/// Azurite) or an Entra ID <see cref="TokenCredential"/> (managed identity on Azure).
/// </summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known (public, documented) development account key.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(
        string? accountName,
        Uri? blobEndpoint,
        Uri? queueEndpoint,
        Uri? tableEndpoint,
        StorageSharedKeyCredential? sharedKey,
        TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    public string? AccountName { get; }
    public Uri? BlobEndpoint { get; }
    public Uri? QueueEndpoint { get; }
    public Uri? TableEndpoint { get; }

    /// <summary>Set when the connection signs with the account key.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>Set when the connection authenticates with Entra ID bearer tokens.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>Azurite on its default ports (10000 blob, 10001 queue, 10002 table) with the development account.</summary>
    public static StorageConnection DevelopmentStorage { get; } = new(
        DevelopmentAccountName,
        new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName),
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
        null);

    /// <summary>Parses a storage connection string; see <see cref="StorageConnectionStringParser"/>.</summary>
    public static StorageConnection Parse(string connectionString) => StorageConnectionStringParser.Parse(connectionString);

    /// <summary>A connection signing with an account key against the given endpoints (any may be null if unused).</summary>
    public static StorageConnection WithSharedKey(
        StorageSharedKeyCredential credential, Uri? blobEndpoint, Uri? queueEndpoint, Uri? tableEndpoint)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(credential.AccountName, blobEndpoint, queueEndpoint, tableEndpoint, credential, null);
    }

    /// <summary>A connection authenticating with Entra ID tokens (scope https://storage.azure.com/.default).</summary>
    public static StorageConnection WithTokenCredential(
        TokenCredential credential, Uri? blobEndpoint, Uri? queueEndpoint, Uri? tableEndpoint)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var accountName = AccountNameFromHost(blobEndpoint ?? queueEndpoint ?? tableEndpoint);
        return new StorageConnection(accountName, blobEndpoint, queueEndpoint, tableEndpoint, null, credential);
    }

    /// <summary>
    /// A connection for an account on Azure with the default endpoints
    /// (https://{account}.{blob|queue|table}.core.windows.net) and Entra ID tokens.
    /// </summary>
    public static StorageConnection ForAccount(string accountName, TokenCredential credential, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return WithTokenCredential(
            credential,
            DefaultEndpoint("https", accountName, "blob", endpointSuffix),
            DefaultEndpoint("https", accountName, "queue", endpointSuffix),
            DefaultEndpoint("https", accountName, "table", endpointSuffix));
    }

    internal static Uri DefaultEndpoint(string protocol, string accountName, string service, string endpointSuffix) =>
        new($"{protocol}://{accountName}.{service}.{endpointSuffix}");

    internal static StorageConnection Create(
        string? accountName, Uri? blob, Uri? queue, Uri? table, StorageSharedKeyCredential? sharedKey) =>
        new(accountName, blob, queue, table, sharedKey, null);

    internal Uri RequireEndpoint(Uri? endpoint, string serviceName) =>
        endpoint ?? throw new InvalidOperationException(
            $"The storage connection has no {serviceName} endpoint: add {serviceName}Endpoint= or AccountName= to the connection string.");

    private static string? AccountNameFromHost(Uri? endpoint)
    {
        if (endpoint is null || endpoint.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : null;
    }

    public override string ToString() =>
        $"StorageConnection(account={AccountName ?? "?"}, auth={(SharedKey is not null ? "SharedKey" : "TokenCredential")})";
}
