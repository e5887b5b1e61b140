using Azure.Core;
using Azure.Core.Pipeline;

namespace Reintegration.Storage.Pipeline;

/// <summary>Which of the two shared key schemes a service's requests are signed with.</summary>
internal enum SharedKeyScheme
{
    /// <summary>Blob and Queue services.</summary>
    SharedKey,

    /// <summary>Table service.</summary>
    SharedKeyLite,
}

/// <summary>Signs each attempt (after x-ms-date is set) with the account key.</summary>
internal sealed class SharedKeySigningPolicy(StorageSharedKeyCredential credential, SharedKeyScheme scheme)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var stringToSign = scheme == SharedKeyScheme.SharedKey
            ? SharedKeyStringToSign.ForBlobOrQueue(message.Request, credential.AccountName)
            : SharedKeyStringToSign.ForTable(message.Request, credential.AccountName);
        var signature = credential.ComputeSignature(stringToSign);
        message.Request.Headers.SetValue("Authorization", $"{scheme} {credential.AccountName}:{signature}");
    }
}
