using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The Data Protection key ring in blob storage, one blob per key, so every instance of the app signs and reads the
/// same sign-in sessions and antiforgery tokens, and a restart keeps them (the default, a folder of the machine's, is
/// lost with a Functions instance). The package that does this is not served; this is the small repository it needs.
/// </summary>
public sealed class BlobKeyRing(BlobContainerClient container) : IXmlRepository
{
    public BlobContainerClient Container => container;

    /// <summary>Every key; none while the container does not exist yet (Data Protection reads before storage starts).</summary>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var keys = new List<XElement>();
        try
        {
            foreach (var blob in container.GetBlobs(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
            {
                using var stream = container.GetBlobClient(blob.Name).OpenRead();
                keys.Add(XElement.Load(stream));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = $"{SafeName(friendlyName)}.xml";
        container.CreateIfNotExists(); // a key is stored rarely: the first one makes the container
        try
        {
            container.GetBlobClient(name).Upload(
                BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A key is written once under its id; another instance stored the same one.
        }
    }

    private static string SafeName(string friendlyName) =>
        new([.. friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
}
