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

    private static readonly byte[] NewKey = SHA256.HashData(Encoding.UTF8.GetBytes("next key"));

    [Fact]
    public async Task Given_a_rotation_When_documents_are_read_and_reencrypted_Then_old_ones_open_with_the_previous_key_until_moved()
    {
        var (before, container) = await NewVaultAsync();
        await before.PutAsync("case-1", "consent", "image/png", new byte[] { 1, 2, 3 });
        await container.UploadBlobAsync("case-1/passport/application%2Fpdf", BinaryData.FromBytes(FormatOne("case-1", "passport", "application/pdf", [7, 8])));

        // Rotated: new documents under "2027-01", old ones still readable with the previous key.
        var rotated = new DocumentVault(container, new DocumentKeys("2027-01", NewKey, [new("1", Key)]));
        await rotated.PutAsync("case-2", "consent", "image/png", new byte[] { 4, 5 });
        var header = (await rotated.RawAsync("case-2", "consent", "image/png"))!;
        (header[0], Encoding.ASCII.GetString(header, 2, header[1])).ShouldBe(((byte)2, "2027-01"));
        (await rotated.GetAsync("case-1", "consent")).ShouldNotBeNull().Content.ShouldBe(new byte[] { 1, 2, 3 });
        (await rotated.GetAsync("case-1", "passport")).ShouldNotBeNull().Content.ShouldBe(new byte[] { 7, 8 });
        var newOnly = new DocumentVault(container, new DocumentKeys("2027-01", NewKey));
        await Should.ThrowAsync<CryptographicException>(() => newOnly.GetAsync("case-1", "consent"));

        // Re-encrypted: everything opens with the new key alone, the old key opens nothing; a second pass moves nothing.
        (await rotated.ReencryptAsync()).ShouldBe(2);
        (await rotated.ReencryptAsync()).ShouldBe(0);
        (await newOnly.GetAsync("case-1", "consent")).ShouldNotBeNull().Content.ShouldBe(new byte[] { 1, 2, 3 });
        (await newOnly.GetAsync("case-1", "passport")).ShouldNotBeNull().Content.ShouldBe(new byte[] { 7, 8 });
        (await newOnly.GetAsync("case-2", "consent")).ShouldNotBeNull().Content.ShouldBe(new byte[] { 4, 5 });
        await Should.ThrowAsync<CryptographicException>(() => before.GetAsync("case-2", "consent"));
    }

    [Fact]
    public async Task Given_a_document_When_its_key_id_is_relabelled_Then_it_does_not_open()
    {
        var (_, container) = await NewVaultAsync();
        var both = new DocumentVault(container, new DocumentKeys("b", Key, [new("a", Key)]));
        await both.PutAsync("case-1", "consent", "image/png", new byte[] { 1 });
        var raw = (await both.RawAsync("case-1", "consent", "image/png"))!;
        raw[2] = (byte)'a';
        await container.DeleteBlobIfExistsAsync("case-1/consent/image%2Fpng");
        await container.UploadBlobAsync("case-1/consent/image%2Fpng", BinaryData.FromBytes(raw));
        await Should.ThrowAsync<AuthenticationTagMismatchException>(() => both.GetAsync("case-1", "consent"));
    }

    /// <summary>A document as the vault wrote it before key ids: version 1 · nonce · tag · ciphertext.</summary>
    private static byte[] FormatOne(string caseId, string documentId, string contentType, byte[] content)
    {
        var sealedBytes = new byte[1 + 12 + 16 + content.Length];
        sealedBytes[0] = 1;
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(1, 12));
        using var aes = new AesGcm(Key, 16);
        aes.Encrypt(sealedBytes.AsSpan(1, 12), content, sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), Encoding.UTF8.GetBytes($"{caseId}\n{documentId}\n{contentType}"));
        return sealedBytes;
    }
}
