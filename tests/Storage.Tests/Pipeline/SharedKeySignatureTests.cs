using System.Security.Cryptography;
using System.Text;
using Azure;
using Reintegration.Storage.Blobs;
using Reintegration.Storage.Queues;
using Reintegration.Storage.Tables;

namespace Reintegration.Storage.Tests.Pipeline;

/// <summary>
/// The Authorization header of fixed requests, checked against a signature computed here from the documented
/// string-to-sign (SharedKey for Blob and Queue, SharedKeyLite for Table). Only the values the pipeline stamps per
/// attempt (x-ms-date, x-ms-client-request-id) are read back from the recorded request.
/// </summary>
public sealed class SharedKeySignatureTests
{
    private const string Account = StorageConnection.DevelopmentAccountName;

    private static string Sign(string stringToSign, string key = StorageConnection.DevelopmentAccountKey) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(stringToSign)));

    [Fact]
    public async Task Given_a_put_message_on_azurite_Then_SharedKey_signs_verb_headers_and_the_doubled_account_path_with_sorted_query()
    {
        var handler = new RecordingHandler { DefaultStatus = System.Net.HttpStatusCode.NotFound };
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        await Should.ThrowAsync<StorageRequestException>(() => queue.SendMessageAsync("hello", TimeSpan.FromSeconds(60)));

        var request = handler.Requests[0];
        request.Uri.ToString().ShouldBe("http://127.0.0.1:10001/devstoreaccount1/q-test/messages?visibilitytimeout=60&messagettl=-1");
        var expected = string.Join('\n',
            "POST",
            "", // Content-Encoding
            "", // Content-Language
            request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "", // Content-MD5
            "application/xml",
            "", // Date (x-ms-date is used)
            "", // If-Modified-Since
            "", // If-Match
            "", // If-None-Match
            "", // If-Unmodified-Since
            "", // Range
            "x-ms-client-request-id:" + request.Header("x-ms-client-request-id"),
            "x-ms-date:" + request.Header("x-ms-date"),
            "x-ms-return-client-request-id:true",
            "x-ms-version:2025-11-05",
            "/devstoreaccount1/devstoreaccount1/q-test/messages",
            "messagettl:-1",
            "visibilitytimeout:60");
        request.Header("Authorization").ShouldBe($"SharedKey {Account}:{Sign(expected)}");
    }

    [Fact]
    public async Task Given_a_conditional_blob_put_Then_If_None_Match_and_every_x_ms_header_are_signed_in_order()
    {
        var handler = new RecordingHandler();
        var container = new BlobContainerClient(StorageConnection.DevelopmentStorage, "outbox", handler.Options());

        await container.UploadBlobAsync("mail 1.html", BinaryData.FromString("<p>hi</p>"), "text/html", ifNoneMatch: ETag.All);

        var request = handler.Requests[0];
        var expected = string.Join('\n',
            "PUT", "", "", "9", "", "text/html", "", "", "", "*", "", "",
            "x-ms-blob-content-type:text/html",
            "x-ms-blob-type:BlockBlob",
            "x-ms-client-request-id:" + request.Header("x-ms-client-request-id"),
            "x-ms-date:" + request.Header("x-ms-date"),
            "x-ms-return-client-request-id:true",
            "x-ms-version:2025-11-05",
            "/devstoreaccount1/devstoreaccount1/outbox/mail%201.html");
        request.Header("Authorization").ShouldBe($"SharedKey {Account}:{Sign(expected)}");
    }

    [Fact]
    public async Task Given_a_listing_with_several_query_parameters_Then_they_are_signed_sorted_and_unescaped_and_an_empty_body_has_no_length()
    {
        var handler = new RecordingHandler { DefaultStatus = System.Net.HttpStatusCode.InternalServerError };
        var options = handler.Options();
        options.Retry.MaxRetries = 0;
        var container = new BlobContainerClient(StorageConnection.DevelopmentStorage, "outbox", options);

        await Should.ThrowAsync<StorageRequestException>(() => container.GetBlobsPageAsync("case 7/", 3, null));

        var request = handler.Requests[0];
        var expected = string.Join('\n',
            "GET", "", "", "", "", "", "", "", "", "", "", "",
            "x-ms-client-request-id:" + request.Header("x-ms-client-request-id"),
            "x-ms-date:" + request.Header("x-ms-date"),
            "x-ms-return-client-request-id:true",
            "x-ms-version:2025-11-05",
            "/devstoreaccount1/devstoreaccount1/outbox",
            "comp:list",
            "maxresults:3",
            "prefix:case 7/",
            "restype:container");
        request.Header("Authorization").ShouldBe($"SharedKey {Account}:{Sign(expected)}");
    }

    [Fact]
    public async Task Given_an_account_on_azure_Then_the_canonicalized_resource_names_the_account_once()
    {
        const string key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";
        var handler = new RecordingHandler();
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net");
        var queue = new QueueClient(connection, "q-test", handler.Options());

        await queue.CreateIfNotExistsAsync();

        var request = handler.Requests[0];
        request.Uri.ToString().ShouldBe("https://acme.queue.core.windows.net/q-test");
        var expected = string.Join('\n',
            "PUT", "", "", "", "", "", "", "", "", "", "", "",
            "x-ms-client-request-id:" + request.Header("x-ms-client-request-id"),
            "x-ms-date:" + request.Header("x-ms-date"),
            "x-ms-return-client-request-id:true",
            "x-ms-version:2025-11-05",
            "/acme/q-test");
        request.Header("Authorization").ShouldBe($"SharedKey acme:{Sign(expected, key)}");
    }

    [Fact]
    public async Task Given_a_table_request_Then_SharedKeyLite_signs_only_the_date_and_the_doubled_account_path()
    {
        var handler = new RecordingHandler();
        var table = new TableClient(StorageConnection.DevelopmentStorage, "cases", handler.Options());

        await table.CreateIfNotExistsAsync();

        var request = handler.Requests[0];
        request.Uri.ToString().ShouldBe("http://127.0.0.1:10002/devstoreaccount1/Tables");
        var expected = request.Header("x-ms-date") + "\n/devstoreaccount1/devstoreaccount1/Tables";
        request.Header("Authorization").ShouldBe($"SharedKeyLite {Account}:{Sign(expected)}");
    }

    [Fact]
    public async Task Given_a_table_query_Then_SharedKeyLite_leaves_the_query_out_of_the_resource()
    {
        var handler = new RecordingHandler { DefaultStatus = System.Net.HttpStatusCode.NotFound };
        var table = new TableClient(StorageConnection.DevelopmentStorage, "cases", handler.Options());

        await table.GetEntityIfExistsAsync("case 1", "snapshot", ["Version"]);

        var request = handler.Requests[0];
        var expected = request.Header("x-ms-date") + "\n/devstoreaccount1/devstoreaccount1/cases(PartitionKey='case%201',RowKey='snapshot')";
        request.Header("Authorization").ShouldBe($"SharedKeyLite {Account}:{Sign(expected)}");
    }

    [Fact]
    public void Given_a_key_that_is_not_base64_Then_the_error_does_not_echo_it()
    {
        var error = Should.Throw<FormatException>(() => new StorageSharedKeyCredential("acme", "not*base64!"));

        error.Message.ShouldNotContain("not*base64!");
    }
}
