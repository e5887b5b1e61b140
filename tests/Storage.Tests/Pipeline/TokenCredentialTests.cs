using Azure.Core;
using Reintegration.Storage.Blobs;
using Reintegration.Storage.Tables;

namespace Reintegration.Storage.Tests.Pipeline;

/// <summary>Entra ID: the clients ask the credential for the storage scope and send a bearer token instead of a signature.</summary>
public sealed class TokenCredentialTests
{
    private sealed class FakeCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task Given_a_token_credential_When_a_blob_is_written_Then_a_bearer_token_for_the_storage_scope_is_sent()
    {
        var credential = new FakeCredential();
        var handler = new RecordingHandler();
        var connection = StorageConnection.ForAccount("acme", credential);
        var container = new BlobContainerClient(connection, "outbox", handler.Options());

        await container.UploadBlobAsync("a.txt", BinaryData.FromString("a"));

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Uri.ToString().ShouldBe("https://acme.blob.core.windows.net/outbox/a.txt");
        request.Header("Authorization").ShouldBe("Bearer fake-token");
        request.Header("x-ms-version").ShouldBe("2025-11-05");
        credential.Scopes.ShouldBe(["https://storage.azure.com/.default"]);
    }

    [Fact]
    public async Task Given_explicit_endpoints_and_a_token_credential_When_a_table_is_created_Then_a_bearer_token_is_sent()
    {
        var handler = new RecordingHandler();
        var connection = StorageConnection.WithTokenCredential(
            new FakeCredential(), null, null, new Uri("https://acme.table.core.windows.net"));
        var table = new TableClient(connection, "cases", handler.Options());

        await table.CreateIfNotExistsAsync();

        connection.AccountName.ShouldBe("acme");
        handler.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer fake-token");
    }
}
