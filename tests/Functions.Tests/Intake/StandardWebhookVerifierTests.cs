using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Intake;

public class StandardWebhookVerifierTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(Samples.Text("webhook_signature_test_vectors.json")).RootElement.GetProperty("standard_webhooks");

    private static string V(string name) => Vector.GetProperty(name).GetString()!;

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(V("webhook-timestamp"), System.Globalization.CultureInfo.InvariantCulture));

    private static byte[] Payload => Encoding.UTF8.GetBytes(V("payload"));

    private static HeaderDictionary Headers(string? signature = null) => new()
    {
        ["webhook-id"] = V("webhook-id"),
        ["webhook-timestamp"] = V("webhook-timestamp"),
        ["webhook-signature"] = signature ?? V("webhook-signature"),
    };

    private static StandardWebhookVerifier Verifier(params string[] secrets) => new(secrets.Length > 0 ? secrets : [V("secret")]);

    [Fact]
    public void Published_vector_checked_at_its_own_timestamp_is_valid()
    {
        var result = Verifier().Verify(Headers(), Payload, SignedAt);
        result.Outcome.ShouldBe(AuthenticationOutcome.Valid, result.Reason);
    }

    [Fact]
    public void Published_vector_with_a_changed_body_is_invalid()
    {
        var tampered = Encoding.UTF8.GetBytes(V("payload").Replace("2432232314", "2432232315", StringComparison.Ordinal));
        Verifier().Verify(Headers(), tampered, SignedAt).Outcome.ShouldBe(AuthenticationOutcome.Invalid);
    }

    [Fact]
    public void Published_vector_under_another_secret_is_invalid()
    {
        var other = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another secret of ours, 32 bytes"));
        Verifier(other).Verify(Headers(), Payload, SignedAt).Outcome.ShouldBe(AuthenticationOutcome.Invalid);
    }

    [Theory]
    [InlineData(300, AuthenticationOutcome.Valid)]
    [InlineData(-300, AuthenticationOutcome.Valid)]
    [InlineData(301, AuthenticationOutcome.Stale)]
    [InlineData(-301, AuthenticationOutcome.Stale)]
    public void Published_vector_checked_later_or_earlier_is_stale_beyond_five_minutes(int secondsAfterSigning, AuthenticationOutcome expected)
    {
        var result = Verifier().Verify(Headers(), Payload, SignedAt.AddSeconds(secondsAfterSigning));
        result.Outcome.ShouldBe(expected, result.Reason);
    }

    [Fact]
    public void Signature_list_with_an_old_signature_first_is_valid_when_any_v1_signature_matches()
    {
        var list = $"v1,{Convert.ToBase64String(new byte[32])} v1a,ignored {V("webhook-signature")}";
        Verifier().Verify(Headers(list), Payload, SignedAt).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Rotated_secrets_accept_a_message_signed_with_the_previous_one()
    {
        var next = "whsec_" + Convert.ToBase64String(new byte[24]);
        Verifier(next, V("secret")).Verify(Headers(), Payload, SignedAt).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Missing_headers_are_named_each()
    {
        var headers = Headers();
        headers.Remove("webhook-id");
        headers.Remove("webhook-signature");
        var result = Verifier().Verify(headers, Payload, SignedAt);
        result.Outcome.ShouldBe(AuthenticationOutcome.Missing);
        result.Reason.ShouldContain("webhook-id");
        result.Reason.ShouldContain("webhook-signature");
        result.Reason.ShouldNotContain("webhook-timestamp");
    }

    [Theory]
    [InlineData("v2,abc")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not base64!")]
    public void Signature_header_without_a_v1_signature_is_invalid(string signature) =>
        Verifier().Verify(Headers(signature), Payload, SignedAt).Outcome.ShouldBe(AuthenticationOutcome.Invalid);

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("2021-02-25T15:02:10Z")]
    public void Timestamp_that_is_not_unix_seconds_is_invalid(string timestamp)
    {
        var headers = Headers();
        headers["webhook-timestamp"] = timestamp;
        Verifier().Verify(headers, Payload, SignedAt).Outcome.ShouldBe(AuthenticationOutcome.Invalid);
    }

    [Fact]
    public void Secret_that_is_not_base64_is_refused_when_configured() =>
        Should.Throw<ArgumentException>(() => new StandardWebhookVerifier(["whsec_not base64!"]));
}
