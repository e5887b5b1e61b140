using System.Text.RegularExpressions;

namespace Reintegration.Functions.Tests.Support;

/// <summary>A browser-like client signed in to the pages with an API key (cookies kept, redirects followed).</summary>
public static partial class PageSession
{
    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string apiKey, bool followRedirects = true)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var form = await client.GetStringAsync("/sign-in");
        var csrf = Csrf().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = System.Net.WebUtility.HtmlDecode(csrf),
            ["key"] = apiKey,
            ["returnUrl"] = "/pages/cases",
        }));
        ((int)signIn.StatusCode).ShouldBeLessThan(400);
        return client;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
