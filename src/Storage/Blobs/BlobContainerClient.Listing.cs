using System.Globalization;
using Azure;
using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>Every blob whose name starts with <paramref name="prefix"/>, in name order, page by page.</summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        new BlobListing(this, prefix, maxPerPage, cancellationToken);

    /// <summary>One page of a listing; pass the previous page's continuation token (the service's marker) for the next.</summary>
    public async Task<Page<BlobItem>> GetBlobsPageAsync(
        string? prefix, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 5000 blobs.");
        }

        var query = new List<string> { "restype=container", "comp=list" };
        if (!string.IsNullOrEmpty(prefix))
        {
            query.Add("prefix=" + Uri.EscapeDataString(prefix));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("marker=" + Uri.EscapeDataString(continuationToken));
        }

        if (maxPerPage is { } max)
        {
            query.Add("maxresults=" + max.ToString(CultureInfo.InvariantCulture));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri($"{_containerUri.AbsoluteUri}?{string.Join('&', query)}"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"List blobs in {Name}", 200);
        var (blobs, nextMarker) = BlobListingXml.Read(response.Content.ToString());
        return Page<BlobItem>.FromValues(blobs, nextMarker, response);
    }

    private sealed class BlobListing(BlobContainerClient container, string? prefix, int? maxPerPage, CancellationToken cancellationToken)
        : AsyncPageable<BlobItem>(cancellationToken)
    {
        public override IAsyncEnumerable<Page<BlobItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Pages(continuationToken, pageSizeHint ?? maxPerPage);

        private async IAsyncEnumerable<Page<BlobItem>> Pages(string? continuationToken, int? pageSize)
        {
            do
            {
                var page = await container.GetBlobsPageAsync(prefix, pageSize, continuationToken, CancellationToken);
                continuationToken = page.ContinuationToken;
                yield return page;
            }
            while (continuationToken is not null);
        }
    }
}
