using Azure;
using Reintegration.Storage.Blobs;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, UniqueName.Container());
        await container.CreateIfNotExistsAsync();
        return container;
    }

    [Fact]
    public async Task Given_an_existing_container_When_created_again_Then_it_is_tolerated()
    {
        var container = await NewContainerAsync();

        await Should.NotThrowAsync(() => container.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Given_an_uploaded_blob_When_downloaded_Then_content_etag_and_content_type_come_back()
    {
        var container = await NewContainerAsync();

        var etag = await container.UploadBlobAsync("outbox/2026/mail 1.html", BinaryData.FromString("<p>Hej Ærø</p>"), "text/html; charset=utf-8");
        var download = await container.DownloadIfExistsAsync("outbox/2026/mail 1.html");

        download.ShouldNotBeNull();
        download.Content.ToString().ShouldBe("<p>Hej Ærø</p>");
        download.ETag.ShouldBe(etag);
        download.ContentType.ShouldBe("text/html; charset=utf-8");
        download.LastModified.ShouldNotBeNull();
    }

    [Fact]
    public async Task Given_an_empty_blob_When_uploaded_and_downloaded_Then_it_is_empty()
    {
        var container = await NewContainerAsync();

        await container.UploadBlobAsync("empty", BinaryData.Empty);

        (await container.DownloadIfExistsAsync("empty"))!.Content.ToArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_no_blob_When_downloaded_Then_null()
    {
        var container = await NewContainerAsync();

        (await container.DownloadIfExistsAsync("nothing-here")).ShouldBeNull();
    }

    [Fact]
    public async Task Given_an_existing_blob_When_uploaded_with_if_none_match_star_Then_409_BlobAlreadyExists_and_it_is_unchanged()
    {
        var container = await NewContainerAsync();
        await container.UploadBlobAsync("token", BinaryData.FromString("first"), ifNoneMatch: ETag.All);

        var error = await Should.ThrowAsync<StorageRequestException>(
            () => container.UploadBlobAsync("token", BinaryData.FromString("second do-not-leak"), ifNoneMatch: ETag.All));

        error.Status.ShouldBe(409);
        error.ErrorCode.ShouldBe("BlobAlreadyExists");
        error.Message.ShouldNotContain("do-not-leak");
        (await container.DownloadIfExistsAsync("token"))!.Content.ToString().ShouldBe("first");
    }

    [Fact]
    public async Task Given_the_current_etag_When_uploaded_with_if_match_Then_it_overwrites_and_a_stale_one_fails_with_412_ConditionNotMet()
    {
        var container = await NewContainerAsync();
        var first = await container.UploadBlobAsync("state.json", BinaryData.FromString("{\"v\":1}"), "application/json");

        var second = await container.UploadBlobAsync("state.json", BinaryData.FromString("{\"v\":2}"), "application/json", ifMatch: first);
        var error = await Should.ThrowAsync<StorageRequestException>(
            () => container.UploadBlobAsync("state.json", BinaryData.FromString("{\"v\":3}"), "application/json", ifMatch: first));

        second.ShouldNotBe(first);
        error.Status.ShouldBe(412);
        error.ErrorCode.ShouldBe("ConditionNotMet");
        (await container.DownloadIfExistsAsync("state.json"))!.Content.ToString().ShouldBe("{\"v\":2}");
    }

    [Fact]
    public async Task Given_blobs_under_two_prefixes_When_listed_with_a_prefix_and_small_pages_Then_every_match_comes_once_in_order()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 7; i++)
        {
            await container.UploadBlobAsync($"outbox/case-{i}.html", BinaryData.FromString(new string('x', i)), "text/html");
        }

        await container.UploadBlobAsync("other/readme.txt", BinaryData.FromString("no"), "text/plain");

        var pageSizes = new List<int>();
        var items = new List<BlobItem>();
        await foreach (var page in container.GetBlobsAsync("outbox/", maxPerPage: 3).AsPages())
        {
            pageSizes.Add(page.Values.Count);
            items.AddRange(page.Values);
        }

        pageSizes.ShouldBe([3, 3, 1]);
        items.Select(b => b.Name).ShouldBe(Enumerable.Range(0, 7).Select(i => $"outbox/case-{i}.html"));
        items.Select(b => b.ContentLength).ShouldBe(Enumerable.Range(0, 7).Select(i => (long)i));
        items.ShouldAllBe(b => b.ContentType == "text/html" && b.ETag != default);
    }

    [Fact]
    public async Task Given_a_listing_page_When_resumed_from_its_token_Then_the_next_page_follows()
    {
        var container = await NewContainerAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await container.UploadBlobAsync(name, BinaryData.FromString(name));
        }

        var first = await container.GetBlobsPageAsync(null, 2, null);
        var second = await container.GetBlobsPageAsync(null, 2, first.ContinuationToken);

        first.Values.Select(b => b.Name).ShouldBe(["a", "b"]);
        first.ContinuationToken.ShouldNotBeNull();
        second.Values.Select(b => b.Name).ShouldBe(["c"]);
        second.ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_blob_When_deleted_Then_it_is_gone_and_a_second_delete_reports_false()
    {
        var container = await NewContainerAsync();
        await container.UploadBlobAsync("old", BinaryData.FromString("x"));

        (await container.DeleteBlobIfExistsAsync("old")).ShouldBeTrue();

        (await container.DownloadIfExistsAsync("old")).ShouldBeNull();
        (await container.DeleteBlobIfExistsAsync("old")).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_a_stale_etag_When_deleting_Then_412_and_the_blob_stays()
    {
        var container = await NewContainerAsync();
        var stale = await container.UploadBlobAsync("kept", BinaryData.FromString("1"));
        await container.UploadBlobAsync("kept", BinaryData.FromString("2"));

        var error = await Should.ThrowAsync<StorageRequestException>(() => container.DeleteBlobIfExistsAsync("kept", stale));

        error.Status.ShouldBe(412);
        (await container.DownloadIfExistsAsync("kept")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Given_a_missing_container_When_uploading_Then_404_ContainerNotFound()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, UniqueName.Container());

        var error = await Should.ThrowAsync<StorageRequestException>(() => container.UploadBlobAsync("x", BinaryData.FromString("x")));

        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("ContainerNotFound");
    }
}
