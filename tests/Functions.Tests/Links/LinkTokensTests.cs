using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Tests.Links;

public class LinkTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly LinkClaims Plan = new("case-42", LinkAction.DecidePlan, 3, Now.AddDays(14));

    public static LinkOptions Options(string keyId = "k1", byte fill = 1, string? previousId = null, byte previousFill = 0) => new()
    {
        BaseUrl = "https://cases.example.org/app",
        KeyId = keyId,
        Key = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()),
        PreviousKeyId = previousId,
        PreviousKey = previousId is null ? null : Convert.ToBase64String(Enumerable.Repeat(previousFill, 32).ToArray()),
    };

    private static readonly LinkTokens Tokens = new(Options());

    /// <summary>Re-encodes the token's payload after an edit, keeping the original signature.</summary>
    private static string EditPayload(string token, Action<JsonObject> edit)
    {
        var parts = token.Split('.');
        var json = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        edit(json);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString())) + "." + parts[1];
    }

    [Fact]
    public void Given_an_issued_token_When_verified_before_expiry_Then_the_claims_come_back()
    {
        var token = Tokens.Issue(Plan);

        var result = Tokens.Verify(token, Now).ShouldBeOfType<LinkVerification.Valid>();

        result.Claims.ShouldBe(Plan);
        token.ShouldMatch("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$");
    }

    [Fact]
    public void Given_a_link_intent_When_issued_Then_it_is_bound_to_the_case_action_round_and_expiry()
    {
        var intent = new LinkIntent(LinkAction.ConfirmArrival, 2, Now.AddDays(30));

        var claims = Tokens.Verify(Tokens.Issue("case-7", intent), Now).ShouldBeOfType<LinkVerification.Valid>().Claims;

        claims.ShouldBe(new LinkClaims("case-7", LinkAction.ConfirmArrival, 2, Now.AddDays(30)));
    }

    [Fact]
    public void Given_the_same_claims_When_issued_twice_Then_the_token_and_its_id_are_the_same()
    {
        Tokens.Issue(Plan).ShouldBe(Tokens.Issue(Plan));
        Plan.TokenId.ShouldBe((Plan with { ExpiresAt = Now.AddDays(20) }).TokenId);
        Plan.TokenId.ShouldStartWith("link:");
        Plan.TokenId.ShouldNotBe((Plan with { Round = 4 }).TokenId);
        Plan.TokenId.ShouldNotBe((Plan with { Action = LinkAction.DecideEligibility }).TokenId);
        Plan.TokenId.ShouldNotBe((Plan with { CaseId = "case-43" }).TokenId);
    }

    [Fact]
    public void Given_a_token_When_now_reaches_its_expiry_Then_it_is_expired_with_its_claims()
    {
        var token = Tokens.Issue(Plan);

        Tokens.Verify(token, Plan.ExpiresAt.AddSeconds(-1)).ShouldBeOfType<LinkVerification.Valid>();
        Tokens.Verify(token, Plan.ExpiresAt).ShouldBeOfType<LinkVerification.Expired>().Claims.ShouldBe(Plan);
    }

    [Theory]
    [InlineData("case", "case-43")]
    [InlineData("act", "DecideEligibility")]
    [InlineData("round", 4)]
    [InlineData("exp", 4102444800)]
    [InlineData("kid", "k2")]
    public void Given_a_token_When_any_claim_is_edited_Then_it_is_tampered(string claim, object value)
    {
        var edited = EditPayload(Tokens.Issue(Plan), json => json[claim] = JsonValue.Create(value));

        Tokens.Verify(edited, Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Fact]
    public void Given_a_token_When_its_payload_is_swapped_for_another_tokens_Then_it_is_tampered()
    {
        var mine = Tokens.Issue(Plan).Split('.');
        var other = Tokens.Issue(Plan with { CaseId = "case-99" }).Split('.');

        Tokens.Verify(other[0] + "." + mine[1], Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Fact]
    public void Given_a_token_When_one_signature_character_changes_Then_it_is_tampered()
    {
        var token = Tokens.Issue(Plan);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var flipped = token[dot + 1] == 'A' ? 'B' : 'A';

        Tokens.Verify(token[..(dot + 1)] + flipped + token[(dot + 2)..], Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Fact]
    public void Given_a_token_signed_with_another_key_When_verified_Then_it_is_tampered()
    {
        var stranger = new LinkTokens(Options(keyId: "k1", fill: 9));

        Tokens.Verify(stranger.Issue(Plan), Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData(".abc")]
    [InlineData("abc.")]
    [InlineData("ab c.def")]
    [InlineData("abc=.def")]
    [InlineData("abc.def")]
    public void Given_a_string_that_is_not_a_token_When_verified_Then_it_is_malformed(string? token)
    {
        Tokens.Verify(token, Now).ShouldBeOfType<LinkVerification.Malformed>();
    }

    [Fact]
    public void Given_an_unsigned_payload_with_a_signature_of_the_right_size_When_verified_Then_it_is_tampered()
    {
        // "e30" is "{}": the signature is checked before the payload is read, so a forger learns nothing about the format.
        Tokens.Verify("e30." + new string('A', 42) + "E", Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Fact]
    public void Given_an_overlong_or_non_canonical_token_When_verified_Then_it_is_malformed()
    {
        var token = Tokens.Issue(Plan);

        Tokens.Verify(token + new string('A', LinkTokens.MaxTokenLength), Now).ShouldBeOfType<LinkVerification.Malformed>();
        // The last character of a 32-byte signature carries 2 unused bits; setting them spells the same bytes differently.
        var last = token[^1];
        var sibling = Base64UrlAlphabet[(Base64UrlAlphabet.IndexOf(last, StringComparison.Ordinal) & ~3) | 1];
        Tokens.Verify(token[..^1] + sibling, Now).ShouldBeOfType<LinkVerification.Malformed>();
    }

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void Given_a_signed_payload_that_is_not_our_json_When_verified_Then_it_is_malformed()
    {
        var secret = Enumerable.Repeat((byte)1, 32).ToArray();
        var payload = Base64Url.EncodeToString("{\"v\":1}"u8);
        var signature = Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(payload)));

        Tokens.Verify(payload + "." + signature, Now).ShouldBeOfType<LinkVerification.Malformed>();
    }

    [Fact]
    public void Given_a_rotated_key_When_old_and_new_tokens_are_verified_Then_both_pass_and_new_ones_use_the_new_key()
    {
        var before = new LinkTokens(Options(keyId: "k1", fill: 1));
        var after = new LinkTokens(Options(keyId: "k2", fill: 2, previousId: "k1", previousFill: 1));
        var oldToken = before.Issue(Plan);
        var newToken = after.Issue(Plan);

        after.Verify(oldToken, Now).ShouldBeOfType<LinkVerification.Valid>().Claims.ShouldBe(Plan);
        after.Verify(newToken, Now).ShouldBeOfType<LinkVerification.Valid>();
        after.CurrentKeyId.ShouldBe("k2");
        JsonNode.Parse(Base64Url.DecodeFromChars(newToken.Split('.')[0]))!["kid"]!.GetValue<string>().ShouldBe("k2");
        before.Verify(newToken, Now).ShouldBeOfType<LinkVerification.Tampered>();
        new LinkTokens(Options(keyId: "k3", fill: 3, previousId: "k2", previousFill: 2)).Verify(oldToken, Now).ShouldBeOfType<LinkVerification.Tampered>();
    }

    [Fact]
    public void Given_a_token_When_its_url_is_built_Then_it_is_absolute_under_the_base_url()
    {
        var token = Tokens.Issue(Plan);

        Tokens.UrlFor(token).AbsoluteUri.ShouldBe($"https://cases.example.org/app/links/{token}");
    }
}
