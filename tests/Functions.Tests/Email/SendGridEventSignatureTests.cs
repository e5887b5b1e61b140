using System.Text;
using System.Text.Json;
using Reintegration.Functions.Email;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Email;

public class SendGridEventSignatureTests
{
    private static readonly JsonElement Vector =
        JsonDocument.Parse(Samples.Text("sendgrid_signed_event_webhook_vector.json")).RootElement.GetProperty("sendgrid_signed_event_vector");

    private static string Field(string name) => Vector.GetProperty(name).GetString()!;

    private static readonly SendGridEventSignature Signature = new(Field("public_key_b64_spki_der"));

    private static byte[] Body => Encoding.UTF8.GetBytes(Field("payload"));

    [Fact]
    public void Given_the_signed_test_vector_When_verified_Then_it_is_valid()
    {
        Signature.IsValid(Field("signature"), Field("timestamp"), Body).ShouldBeTrue();
    }

    [Fact]
    public void Given_the_test_vector_When_one_body_byte_is_flipped_Then_it_is_invalid()
    {
        for (var i = 0; i < Body.Length; i += 7)
        {
            var body = Body;
            body[i] ^= 0x01;
            Signature.IsValid(Field("signature"), Field("timestamp"), body).ShouldBeFalse($"byte {i}");
        }
    }

    [Fact]
    public void Given_the_test_vector_When_the_body_gains_whitespace_Then_it_is_invalid()
    {
        Signature.IsValid(Field("signature"), Field("timestamp"), Encoding.UTF8.GetBytes(Field("payload") + "\n")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1588788368")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_the_test_vector_When_the_timestamp_differs_Then_it_is_invalid(string? timestamp)
    {
        Signature.IsValid(Field("signature"), timestamp, Body).ShouldBeFalse();
    }

    [Fact]
    public void Given_the_test_vector_When_one_signature_byte_is_flipped_Then_it_is_invalid()
    {
        var der = Convert.FromBase64String(Field("signature"));
        der[^1] ^= 0x01;

        Signature.IsValid(Convert.ToBase64String(der), Field("timestamp"), Body).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    public void Given_a_missing_or_garbled_signature_When_verified_Then_it_is_invalid(string? signature)
    {
        Signature.IsValid(signature, Field("timestamp"), Body).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("bm90IGEga2V5")]
    public void Given_a_key_that_is_not_a_public_key_When_configured_Then_it_is_refused(string key)
    {
        Should.Throw<InvalidOperationException>(() => new SendGridEventSignature(key));
    }

    [Fact]
    public void Given_a_key_on_another_curve_When_configured_Then_it_is_refused()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        Should.Throw<InvalidOperationException>(() => new SendGridEventSignature(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())));
    }
}
