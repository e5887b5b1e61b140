using Microsoft.AspNetCore.DataProtection;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

/// <summary>
/// On Azure Storage the Data Protection key ring is a blob container, so what one instance protects (a sign-in
/// session, an antiforgery token) another instance, or the same one after a restart, can read.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class SharedKeyRingTests(AzuriteApp azurite)
{
    [Fact]
    public async Task Given_two_instances_on_one_storage_account_When_one_protects_Then_the_other_unprotects_and_the_keys_are_blobs()
    {
        var prefix = "ring" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?> { ["Storage:Prefix"] = prefix };
        await using var first = new AzuriteApp.AzureAppFactory(azurite.Azurite.ConnectionString, settings);
        await using var second = new AzuriteApp.AzureAppFactory(azurite.Azurite.ConnectionString, settings);
        _ = first.Server;
        _ = second.Server;

        var sealedText = first.Get<IDataProtectionProvider>().CreateProtector("session").Protect("a session of the counsellor");

        second.Get<IDataProtectionProvider>().CreateProtector("session").Unprotect(sealedText).ShouldBe("a session of the counsellor");
        var keys = first.Get<BlobKeyRing>().GetAllElements();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Name.LocalName == "key");
    }
}
