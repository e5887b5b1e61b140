using Reintegration.Domain.Cases;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Tests.Links;

public class LinkOptionsTests
{
    [Fact]
    public void Given_a_key_shorter_than_32_bytes_When_tokens_are_created_Then_configuration_is_refused_without_the_key()
    {
        var options = LinkTokensTests.Options();
        options.Key = Convert.ToBase64String(new byte[31]);

        var error = Should.Throw<InvalidOperationException>(() => new LinkTokens(options));

        error.Message.ShouldContain("Links:Key");
        error.Message.ShouldNotContain(options.Key);
    }

    [Theory]
    [InlineData("", "a2V5")]
    [InlineData("k1", "")]
    [InlineData("k1", "not base64!")]
    public void Given_a_missing_or_unreadable_key_When_tokens_are_created_Then_configuration_is_refused(string keyId, string key)
    {
        var options = LinkTokensTests.Options();
        options.KeyId = keyId;
        options.Key = key;

        Should.Throw<InvalidOperationException>(() => new LinkTokens(options));
    }

    [Fact]
    public void Given_a_previous_key_with_the_current_id_When_tokens_are_created_Then_configuration_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => new LinkTokens(LinkTokensTests.Options(keyId: "k1", previousId: "k1", previousFill: 5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative")]
    [InlineData("ftp://cases.example.org")]
    public void Given_no_absolute_http_base_url_When_tokens_are_created_Then_configuration_is_refused(string baseUrl)
    {
        var options = LinkTokensTests.Options();
        options.BaseUrl = baseUrl;

        Should.Throw<InvalidOperationException>(() => new LinkTokens(options)).Message.ShouldContain("Links:BaseUrl");
    }

    [Fact]
    public void Given_claims_with_an_invalid_case_id_When_issued_Then_it_is_refused()
    {
        var tokens = new LinkTokens(LinkTokensTests.Options());

        Should.Throw<ArgumentException>(() => tokens.Issue(new LinkClaims("bad id/..", LinkAction.DecidePlan, 1, DateTimeOffset.UnixEpoch)));
        Should.Throw<ArgumentException>(() => tokens.Issue(new LinkClaims("case-1", (LinkAction)99, 1, DateTimeOffset.UnixEpoch)));
    }
}
