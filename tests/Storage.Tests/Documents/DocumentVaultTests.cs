using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Reintegration.Storage.Documents;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Documents;

[Collection(AzuriteCollection.Name)]
public sealed class DocumentVaultTests(AzuriteFixture azurite)
{
    private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("test key"));

    private async Task<(DocumentVault Vault, BlobContainerClient Container)> NewVaultAsync()
    {
        var container = azurite.Account.Container(UniqueName.Container());
        await container.CreateIfNotExistsAsync();
        return (new DocumentVault(container, Key), container);
    }

    [Fact]
    public async Task Document_is_encrypted_at_rest_and_read_back_whole()
    {
        var (vault, _) = await NewVaultAsync();
        var passport = Encoding.UTF8.GetBytes("PASSPORT Amina 1990-03-14 P1234567");
        await vault.PutAsync("case-1", "passport", "application/pdf", passport);

        var raw = await vault.RawAsync("case-1", "passport", "application/pdf");
        Encoding.UTF8.GetString(raw!).ShouldNotContain("Amina");
        var (document, content) = (await vault.GetAsync("case-1", "passport")).ShouldNotBeNull();
        content.ShouldBe(passport);
        document.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Document_id_is_never_overwritten()
    {
        var (vault, _) = await NewVaultAsync();
        await vault.PutAsync("case-1", "consent", "image/png", new byte[] { 1, 2, 3 });
        var error = await Should.ThrowAsync<RequestFailedException>(() => vault.PutAsync("case-1", "consent", "image/png", new byte[] { 9 }));
        error.Status.ShouldBe(409);
    }

    [Fact]
    public async Task A_wrong_key_or_a_tampered_blob_does_not_decrypt()
    {
        var (vault, container) = await NewVaultAsync();
        await vault.PutAsync("case-1", "consent", "image/png", new byte[] { 1, 2, 3 });
        var other = new DocumentVault(container, SHA256.HashData(Encoding.UTF8.GetBytes("other key")));
        await Should.ThrowAsync<AuthenticationTagMismatchException>(() => other.GetAsync("case-1", "consent"));
        (await vault.GetAsync("case-1", "missing")).ShouldBeNull();
    }
}
