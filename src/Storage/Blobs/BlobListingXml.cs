using System.Globalization;
using System.Xml.Linq;
using Azure;

namespace Reintegration.Storage.Blobs;

/// <summary>Reads a List Blobs answer (<c>EnumerationResults</c>): the blobs and the <c>NextMarker</c> to continue from.</summary>
internal static class BlobListingXml
{
    public static (IReadOnlyList<BlobItem> Blobs, string? NextMarker) Read(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("The blob listing is empty.");
        var blobs = root.Element("Blobs")?.Elements("Blob").Select(ToItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return (blobs, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobItem ToItem(XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Property(string name) => properties?.Element(name)?.Value;
        return new BlobItem(
            blob.Element("Name")?.Value ?? string.Empty,
            new ETag(Property("Etag") ?? string.Empty),
            long.TryParse(Property("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0,
            Property("Content-Type") is { Length: > 0 } type ? type : null,
            DateTimeOffset.TryParse(Property("Last-Modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
                ? modified
                : null);
    }
}
