using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Reintegration.Storage;

/// <summary>
/// One storage account's tables and blobs through the official SDK clients: from a connection string
/// (Azurite, an account key) or from the account's name with an Entra ID credential (managed identity on Azure).
/// Every client retries with exponential backoff (honouring Retry-After) and logs ids and codes, never data. The task
/// hub's queues are the Durable provider's own (it makes its clients from the same connection).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known (public, documented) development account key.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TableServiceClient tables;
    private readonly BlobServiceClient blobs;

    private StorageAccount(TableServiceClient tables, BlobServiceClient blobs) => (this.tables, this.blobs) = (tables, blobs);

    /// <summary>
    /// A connection string: Azurite's (explicit endpoints, the development key) or an account key's.
    /// <paramref name="transport"/> replaces the HTTP transport and <paramref name="perRetry"/> sees every attempt
    /// (tests and benchmarks that look at the requests sent).
    /// </summary>
    public static StorageAccount FromConnectionString(
        string connectionString, HttpPipelineTransport? transport = null, HttpPipelinePolicy? perRetry = null) => new(
        new TableServiceClient(connectionString, Configure(new TableClientOptions(), transport, perRetry)),
        new BlobServiceClient(connectionString, Configure(new BlobClientOptions(), transport, perRetry)));

    /// <summary>An account on Azure with its default endpoints and Entra ID tokens: no key anywhere.</summary>
    public static StorageAccount ForAccount(string accountName, TokenCredential credential, string suffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        Uri Endpoint(string service) => new($"https://{accountName}.{service}.{suffix}");
        return new(
            new TableServiceClient(Endpoint("table"), credential, Configure(new TableClientOptions())),
            new BlobServiceClient(Endpoint("blob"), credential, Configure(new BlobClientOptions())));
    }

    public TableClient Table(string name) => tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(name);

    /// <summary>5 retries from 0.5 s up to 30 s apart, 60 s a try; logged: request ids and error codes only.</summary>
    private static T Configure<T>(T options, HttpPipelineTransport? transport = null, HttpPipelinePolicy? perRetry = null)
        where T : ClientOptions
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }

        if (perRetry is not null)
        {
            options.AddPolicy(perRetry, HttpPipelinePosition.PerRetry);
        }

        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        return options;
    }
}
