using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Reintegration.Storage.Pipeline;

/// <summary>Stamps every attempt with x-ms-version and a fresh x-ms-date (signatures are only valid for 15 minutes).</summary>
internal sealed class StorageHeadersPolicy(string serviceVersion, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
        message.Request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
