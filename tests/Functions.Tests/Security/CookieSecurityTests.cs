using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

public sealed partial class CookieSecurityTests : IClassFixture<ProductionAppFactory>
{
    private readonly ProductionAppFactory app;

    public CookieSecurityTests(ProductionAppFactory app) => this.app = app;

    [Fact]
    public async Task Given_production_behind_a_tls_front_end_When_signing_in_over_http_Then_both_cookies_are_secure_host_cookies()
    {
        // TLS ends at the front end: the app itself sees http from its proxy, which says the client used https.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ProductionAppFactory.PeerHeader, ProductionAppFactory.Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync("/sign-in");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csrf = SetCookies(form).ShouldHaveSingleItem();
        csrf.ShouldStartWith("__Host-reintegration.csrf=");

        var token = CsrfField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("key", ProductionAppFactory.CounsellorKey), new("returnUrl", "/pages/cases")]),
        };
        post.Headers.Add("Cookie", csrf.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = SetCookies(signedIn).Where(c => c.StartsWith("__Host-reintegration.session=", StringComparison.Ordinal)).ShouldHaveSingleItem();

        foreach (var cookie in new[] { csrf, session })
        {
            var attributes = cookie.ToLowerInvariant().Split("; ");
            attributes.ShouldContain("secure", cookie);
            attributes.ShouldContain("path=/", cookie);
            attributes.ShouldContain("httponly", cookie);
            attributes.ShouldContain("samesite=strict", cookie);
            attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal), cookie);
        }
    }

    [Theory]
    [InlineData(ProductionAppFactory.Proxy, true)]
    [InlineData("192.0.2.77", false)]
    public async Task Given_forwarded_headers_When_they_come_from_a_peer_Then_only_the_configured_proxy_is_believed(string peer, bool believed)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pages/cases");
        request.Headers.Add(ProductionAppFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);

        // Believed: the request is https, and the sign-in redirect is built with that scheme; not believed: plain http.
        if (believed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldStartWith("https://localhost/sign-in");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Given_production_When_a_page_is_asked_for_over_plain_http_Then_it_is_a_400_problem_without_cookies()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.GetAsync("/sign-in");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        SetCookies(response).ShouldBeEmpty();
    }

    private static string[] SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
