using System.Text;
using Microsoft.AspNetCore.Http;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Tests.Intake;

public class KoboAuthenticationTests
{
    private static readonly KoboAuthenticationOptions Basic = new() { Username = "kobo-drc", Password = "correct horse battery staple" };

    private static readonly KoboAuthenticationOptions Header = new() { HeaderName = "X-Intake-Secret", HeaderValue = "s3cret-header-value-of-ours" };

    private static string BasicOf(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Fact]
    public void Rest_service_with_the_configured_basic_credentials_is_valid() =>
        KoboIntake.Authenticate(new HeaderDictionary { ["Authorization"] = BasicOf("kobo-drc:correct horse battery staple") }, Basic).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("kobo-drc:correct horse battery stapler")]
    [InlineData("kobo:correct horse battery staple")]
    [InlineData("")]
    public void Rest_service_with_other_basic_credentials_is_invalid(string credentials) =>
        KoboIntake.Authenticate(new HeaderDictionary { ["Authorization"] = BasicOf(credentials) }, Basic).Outcome.ShouldBe(AuthenticationOutcome.Invalid);

    [Fact]
    public void Bearer_token_where_basic_credentials_are_configured_is_invalid() =>
        KoboIntake.Authenticate(new HeaderDictionary { ["Authorization"] = "Bearer abc" }, Basic).Outcome.ShouldBe(AuthenticationOutcome.Invalid);

    [Fact]
    public void Rest_service_without_credentials_is_missing() =>
        KoboIntake.Authenticate(new HeaderDictionary(), Basic).Outcome.ShouldBe(AuthenticationOutcome.Missing);

    [Fact]
    public void Rest_service_with_the_secret_header_is_valid_and_with_another_value_invalid()
    {
        KoboIntake.Authenticate(new HeaderDictionary { ["x-intake-secret"] = "s3cret-header-value-of-ours" }, Header).IsValid.ShouldBeTrue();
        KoboIntake.Authenticate(new HeaderDictionary { ["X-Intake-Secret"] = "s3cret-header-value-of-ours " }, Header).Outcome.ShouldBe(AuthenticationOutcome.Invalid);
        KoboIntake.Authenticate(new HeaderDictionary(), Header).Outcome.ShouldBe(AuthenticationOutcome.Missing);
    }

    [Fact]
    public void Both_configured_means_both_must_match()
    {
        var both = new KoboAuthenticationOptions { Username = Basic.Username, Password = Basic.Password, HeaderName = Header.HeaderName, HeaderValue = Header.HeaderValue };
        var basicOnly = new HeaderDictionary { ["Authorization"] = BasicOf("kobo-drc:correct horse battery staple") };

        KoboIntake.Authenticate(basicOnly, both).Outcome.ShouldBe(AuthenticationOutcome.Missing);
        basicOnly["X-Intake-Secret"] = "s3cret-header-value-of-ours";
        KoboIntake.Authenticate(basicOnly, both).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Nothing_configured_accepts_nothing_and_is_reported_at_start_up()
    {
        var none = new KoboAuthenticationOptions();
        KoboIntake.Authenticate(new HeaderDictionary { ["Authorization"] = BasicOf(":") }, none).IsValid.ShouldBeFalse();
        none.Problems("drc").ShouldNotBeEmpty();
    }
}
