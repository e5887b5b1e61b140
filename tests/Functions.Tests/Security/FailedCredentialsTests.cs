using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

public sealed partial class FailedCredentialsTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    /// <summary>A client behind the trusted proxy, seen by its forwarded address.</summary>
    private HttpClient Client(string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ProductionAppFactory.PeerHeader, ProductionAppFactory.Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static HttpRequestMessage WithKey(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task Given_ten_wrong_api_keys_from_one_client_When_it_tries_again_Then_even_the_right_key_is_429_and_others_are_untouched()
    {
        var guesser = Client("198.51.100.10");
        for (var i = 0; i < 10; i++)
        {
            (await guesser.SendAsync(WithKey($"guess-{i}-0123456789abcdefghijklmnop"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await guesser.SendAsync(WithKey(ProductionAppFactory.CounsellorKey));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await Client("198.51.100.11").SendAsync(WithKey(ProductionAppFactory.CounsellorKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await guesser.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_ten_failed_sign_ins_from_one_client_When_it_signs_in_with_the_right_key_Then_it_is_429()
    {
        var guesser = Client("198.51.100.20");
        for (var i = 0; i < 10; i++)
        {
            (await SignInAsync(guesser, $"wrong-{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await SignInAsync(guesser, ProductionAppFactory.CounsellorKey)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await SignInAsync(Client("198.51.100.21"), ProductionAppFactory.CounsellorKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Given_production_When_a_configured_key_is_short_Then_start_up_fails_naming_the_key_and_not_its_value()
    {
        await using var built = ReintegrationApp.Build(
        [
            "--environment", "Production", "--Storage:Mode", "InMemory", "--urls", "http://127.0.0.1:0",
            "--Auth:ApiKeys:0:Name", "agency-short", "--Auth:ApiKeys:0:Key", "k3y-5", "--Auth:ApiKeys:0:Role", "Agency",
            "--Auth:ApiKeys:1:Name", "agency-long", "--Auth:ApiKeys:1:Key", new string('x', 32), "--Auth:ApiKeys:1:Role", "Agency",
        ]);
        var error = await Should.ThrowAsync<InvalidOperationException>(() => built.StartAsync());
        error.Message.ShouldContain("'agency-short' are shorter than 32 characters");
        error.Message.ShouldNotContain("agency-long");
        error.Message.ShouldNotContain("k3y-5");
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key)
    {
        var form = await client.GetAsync("/sign-in");
        var cookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = CsrfField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("key", key), new("returnUrl", "/pages/cases")]),
        };
        post.Headers.Add("Cookie", cookie);
        return await client.SendAsync(post);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
