using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Hardening;

[Collection(AzuriteAppCollection.Name)]
public sealed partial class MalformedInputTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    [Theory]
    [InlineData("abc")]
    [InlineData("a")]
    [InlineData("Zm9v")]
    [InlineData("AAAA")]
    public async Task Given_a_continuation_not_made_by_the_list_When_listing_cases_on_table_storage_Then_it_is_a_400_naming_next(string next)
    {
        var response = await App.Counsellor.GetAsync($"/api/cases?next={next}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("next");
    }

    [Fact]
    public async Task Given_a_misspelt_field_When_a_command_is_sent_Then_it_is_refused_by_that_name_and_nothing_changes()
    {
        // "fligth" was dropped without a word: the departure was booked, without its flight, and the answer was 200.
        var id = await App.NewCaseAsync("misspelt-field");
        (await App.Agency.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""))).EnsureSuccessStatusCode();
        var version = await App.VersionAsync(id);

        var response = await App.Counsellor.PutAsync($"/api/cases/{id}/departure",
            AppFactory.Json("""{"departure":"2027-01-20","fligth":"TK 1953","estimatedValue":{"amount":1,"currency":"DKK","note":"x"}}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .Select(e => e.Name).ToList();
        errors.ShouldContain("fligth");
        errors.ShouldContain("estimatedValue");
        (await App.VersionAsync(id)).ShouldBe(version);
    }

    [Theory]
    [InlineData("eCB5")]
    [InlineData("fiB-")]
    public async Task Given_a_continuation_of_the_right_shape_that_the_list_did_not_make_When_listing_Then_the_answer_is_never_a_5xx(string next)
    {
        // "eCB5" is "x y": a partition and row key pair the table service is sent as the place to go on from.
        var api = await App.Counsellor.GetAsync($"/api/cases?next={next}");
        ((int)api.StatusCode).ShouldBeOneOf(200, 400);
        var page = await (await App.SignedInAsync("dev-counsellor-key")).GetAsync($"/pages/cases?next={next}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Zm9v")]
    public async Task Given_a_continuation_not_made_by_the_list_When_the_case_list_page_is_opened_on_table_storage_Then_it_shows_the_list_from_its_start(string next)
    {
        var id = await App.NewCaseAsync("page-next-" + next);
        var client = await App.SignedInAsync("dev-counsellor-key");

        var response = await client.GetAsync($"/pages/cases?next={next}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(id);
    }

    [Theory]
    [InlineData("/pages/cases\u0001")]
    [InlineData("/\u0007")]
    [InlineData("/pages/cases\r\nLocation: https://evil.example")]
    [InlineData("/pages/cases/é")]
    public async Task Given_a_return_url_with_a_control_character_When_signing_in_Then_it_goes_home_not_500(string returnUrl)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var form = await client.GetAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = CsrfField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("key", "dev-counsellor-key"), new("returnUrl", returnUrl)]),
        };
        post.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/pages/cases");
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

public sealed class DevClockRedirectTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public DevClockRedirectTests(AppFactory app) => this.app = app;

    [Theory]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("/pages/cases\u0001", "/")]
    [InlineData("/dev/outbox", "/dev/outbox")]
    public async Task Given_a_back_address_When_the_dev_clock_advances_Then_it_redirects_only_to_a_local_path(string back, string expected)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/dev/clock/advance", new FormUrlEncodedContent([new("days", "1"), new("back", back)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(expected);
    }
}

public sealed class SignInFormLimitTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public SignInFormLimitTests(AppFactory app) => this.app = app;

    [Theory]
    [InlineData("/sign-in", true)]
    [InlineData("/sign-in", false)]
    [InlineData("/sign-out", true)]
    public async Task Given_an_unauthenticated_form_of_100_KB_When_posted_Then_it_is_413_before_it_is_read(string path, bool declaredLength)
    {
        var body = "key=" + new string('k', 100 * 1024);
        HttpContent content = declaredLength
            ? new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")
            : new StreamContent(new UnseekableStream(System.Text.Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await app.CreateClient().PostAsync(path, content);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/sign-out")]
    public async Task Given_a_form_the_form_reader_refuses_When_posted_anonymously_Then_it_is_400_not_500(string path)
    {
        // The antiforgery check reads the form itself and threw on one it could not read: an anonymous 500 at will.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var noBoundary = new StringContent("x");
        noBoundary.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        (await client.PostAsync(path, noBoundary)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var fields = new StringContent(string.Join('&', Enumerable.Repeat("a", 1025)), System.Text.Encoding.ASCII);
        fields.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        (await client.PostAsync(path, fields)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>A body of unknown length (sent chunked), so only the bytes read can tell its size.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
