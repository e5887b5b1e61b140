using Azure.Core;
using Reintegration.Storage.Queues;

namespace Reintegration.Storage.Tests.Connection;

public sealed class StorageConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";

    [Fact]
    public void Given_UseDevelopmentStorage_Then_azurite_defaults_with_the_well_known_account()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        connection.AccountName.ShouldBe("devstoreaccount1");
        connection.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        connection.QueueEndpoint.ShouldBe(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
        connection.TableEndpoint.ShouldBe(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        connection.SharedKey.ShouldNotBeNull().AccountName.ShouldBe("devstoreaccount1");
        connection.TokenCredential.ShouldBeNull();
    }

    [Fact]
    public void Given_an_account_key_string_Then_endpoints_are_derived_from_protocol_account_and_suffix()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={Key};EndpointSuffix=core.windows.net");

        connection.AccountName.ShouldBe("acme");
        connection.BlobEndpoint.ShouldBe(new Uri("https://acme.blob.core.windows.net"));
        connection.QueueEndpoint.ShouldBe(new Uri("https://acme.queue.core.windows.net"));
        connection.TableEndpoint.ShouldBe(new Uri("https://acme.table.core.windows.net"));
        connection.SharedKey.ShouldNotBeNull();
    }

    [Fact]
    public void Given_no_protocol_or_suffix_Then_https_and_the_public_cloud_are_assumed()
    {
        var connection = StorageConnection.Parse($"AccountName=acme;AccountKey={Key}");

        connection.TableEndpoint.ShouldBe(new Uri("https://acme.table.core.windows.net"));
    }

    [Fact]
    public void Given_another_cloud_and_http_Then_they_are_used()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=acme;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        connection.QueueEndpoint.ShouldBe(new Uri("http://acme.queue.core.chinacloudapi.cn"));
    }

    [Fact]
    public void Given_explicit_endpoints_Then_they_win_and_a_trailing_slash_is_dropped()
    {
        var connection = StorageConnection.Parse(
            $" defaultendpointsprotocol=http ; accountname=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;" +
            "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        connection.AccountName.ShouldBe("devstoreaccount1");
        connection.BlobEndpoint!.AbsoluteUri.ShouldBe("http://127.0.0.1:41000/devstoreaccount1");
        connection.QueueEndpoint.ShouldBe(new Uri("http://127.0.0.1:41001/devstoreaccount1"));
        connection.TableEndpoint.ShouldBe(new Uri("http://127.0.0.1:41002/devstoreaccount1"));
    }

    [Fact]
    public void Given_only_some_explicit_endpoints_Then_the_others_are_derived()
    {
        var connection = StorageConnection.Parse($"AccountName=acme;AccountKey={Key};TableEndpoint=https://tables.example.org");

        connection.TableEndpoint.ShouldBe(new Uri("https://tables.example.org"));
        connection.BlobEndpoint.ShouldBe(new Uri("https://acme.blob.core.windows.net"));
    }

    [Theory]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acme", "AccountKey")]
    [InlineData("AccountName=acme;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acme;AccountKey=" + Key + ";BlobEndpoint=not a uri", "BlobEndpoint")]
    [InlineData("AccountName=acme;AccountName=other;AccountKey=" + Key, "more than once")]
    [InlineData("AccountName=acme;AccountKey", "Name=Value")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    public void Given_a_malformed_string_Then_a_format_error_names_the_setting_but_never_the_key(string connectionString, string named)
    {
        var error = Should.Throw<FormatException>(() => StorageConnection.Parse(connectionString));

        error.Message.ShouldContain(named);
        error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public void Given_a_key_that_is_not_base64_Then_the_error_does_not_echo_it()
    {
        var error = Should.Throw<FormatException>(() => StorageConnection.Parse("AccountName=acme;AccountKey=%%%secret%%%"));

        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void Given_a_shared_access_signature_Then_it_is_not_supported()
    {
        Should.Throw<NotSupportedException>(() =>
            StorageConnection.Parse("BlobEndpoint=https://acme.blob.core.windows.net;SharedAccessSignature=sv=2025-11-05&sig=abc"));
    }

    [Fact]
    public void Given_a_token_credential_for_an_account_Then_the_default_https_endpoints_are_used()
    {
        var credential = new StaticCredential();

        var connection = StorageConnection.ForAccount("acme", credential);

        connection.AccountName.ShouldBe("acme");
        connection.QueueEndpoint.ShouldBe(new Uri("https://acme.queue.core.windows.net"));
        connection.TokenCredential.ShouldBeSameAs(credential);
        connection.SharedKey.ShouldBeNull();
    }

    [Fact]
    public void Given_a_connection_without_a_queue_endpoint_When_a_queue_client_is_made_Then_it_says_what_is_missing()
    {
        var connection = StorageConnection.WithSharedKey(
            new StorageSharedKeyCredential("acme", Key), new Uri("https://acme.blob.core.windows.net"), null, null);

        var error = Should.Throw<InvalidOperationException>(() => new QueueClient(connection, "work"));

        error.Message.ShouldContain("QueueEndpoint");
    }

    [Fact]
    public void Given_a_connection_Then_its_text_form_hides_the_key() =>
        StorageConnection.Parse($"AccountName=acme;AccountKey={Key}").ToString().ShouldNotContain(Key);

    private sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
