using Azure.Core;

namespace Reintegration.Storage;

/// <summary>
/// Options for the table, queue and blob clients: Azure.Core's retry (exponential backoff, honours Retry-After),
/// logging and transport. Defaults: 5 retries, 0.5 s first delay, 30 s cap, 60 s per attempt.
/// </summary>
public class StorageClientOptions : ClientOptions
{
    /// <summary>The storage REST API version every request is sent with.</summary>
    public const string DefaultServiceVersion = "2025-11-05";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(60);

        // Log what helps an operator without logging data: ids and codes, never keys, filters or pop receipts.
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-version");
        Diagnostics.LoggedQueryParameters.Add("comp");
        Diagnostics.LoggedQueryParameters.Add("restype");
        Diagnostics.LoggedQueryParameters.Add("numofmessages");
        Diagnostics.LoggedQueryParameters.Add("visibilitytimeout");
        Diagnostics.LoggedQueryParameters.Add("messagettl");
        Diagnostics.LoggedQueryParameters.Add("maxresults");
        Diagnostics.LoggedQueryParameters.Add("$top");
    }

    /// <summary>The x-ms-version header value.</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;
}
