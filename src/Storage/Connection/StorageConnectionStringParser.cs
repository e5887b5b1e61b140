namespace Reintegration.Storage;

/// <summary>
/// Reads the three connection string forms: <c>UseDevelopmentStorage=true</c>; an account key string
/// (<c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, <c>EndpointSuffix</c>); and explicit
/// <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c>, which win over the derived ones.
/// Error messages name the offending setting, never the key.
/// </summary>
public static class StorageConnectionStringParser
{
    private const string DefaultEndpointSuffix = "core.windows.net";

    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = ReadSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!bool.TryParse(development, out var useDevelopment) || !useDevelopment)
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            return StorageConnection.DevelopmentStorage;
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new NotSupportedException("Shared access signature connection strings are not supported; use an account key or a TokenCredential.");
        }

        var accountName = settings.GetValueOrDefault("AccountName");
        var accountKey = settings.GetValueOrDefault("AccountKey");
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new FormatException("The connection string has no AccountName.");
        }

        if (string.IsNullOrWhiteSpace(accountKey))
        {
            throw new FormatException($"The connection string for account '{accountName}' has no AccountKey.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? DefaultEndpointSuffix;
        return StorageConnection.Create(
            accountName,
            Endpoint(settings, "BlobEndpoint") ?? StorageConnection.DefaultEndpoint(protocol, accountName, "blob", suffix),
            Endpoint(settings, "QueueEndpoint") ?? StorageConnection.DefaultEndpoint(protocol, accountName, "queue", suffix),
            Endpoint(settings, "TableEndpoint") ?? StorageConnection.DefaultEndpoint(protocol, accountName, "table", suffix),
            new StorageSharedKeyCredential(accountName, accountKey));
    }

    private static Dictionary<string, string> ReadSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Connection string setting #{i + 1} is not of the form Name=Value.");
            }

            // Split on the first '=' only: base64 keys end with '=' padding.
            var name = segments[i][..equals].Trim();
            var value = segments[i][(equals + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"Connection string setting '{name}' appears more than once.");
            }
        }

        return settings;
    }

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{name} is not an absolute http(s) URI.");
        }

        return endpoint;
    }
}
