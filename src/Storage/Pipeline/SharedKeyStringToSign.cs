using System.Globalization;
using System.Text;
using Azure.Core;

namespace Reintegration.Storage.Pipeline;

/// <summary>
/// The strings the SharedKey schemes sign. Blob and Queue: SharedKey, the 2009-09-19+ layout (verb, eleven standard
/// headers with an empty Content-Length for 0, canonicalized x-ms- headers, canonicalized resource with every query
/// parameter). Table: SharedKeyLite (x-ms-date, then the canonicalized resource with only <c>?comp=</c>).
/// The canonicalized resource is "/" + account + the URL path, so path-style URLs (Azurite) carry the account twice.
/// </summary>
internal static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public static string ForBlobOrQueue(Request request, string accountName)
    {
        var text = new StringBuilder();
        text.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var header in StandardHeaders)
        {
            text.Append(header == "Content-Length" ? ContentLength(request) : HeaderOrEmpty(request, header)).Append('\n');
        }

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        text.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var parameter in QueryParameters(uri).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(parameter.Key).Append(':')
                .AppendJoin(',', parameter.Value.Order(StringComparer.Ordinal));
        }

        return text.ToString();
    }

    public static string ForTable(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var text = new StringBuilder();
        text.Append(HeaderOrEmpty(request, "x-ms-date")).Append('\n');
        text.Append('/').Append(accountName).Append(uri.AbsolutePath);
        if (QueryParameters(uri).TryGetValue("comp", out var comp))
        {
            text.Append("?comp=").Append(comp[0]);
        }

        return text.ToString();
    }

    private static string HeaderOrEmpty(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

    private static Dictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
