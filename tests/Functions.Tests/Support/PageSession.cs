using System.Text.RegularExpressions;

namespace Reintegration.Functions.Tests.Support;

/// <summary>A browser-like client signed in to the pages with an API key (cookies kept, redirects followed).</summary>
public static partial class PageSession
{
    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string apiKey)
    {
        var client = app.CreateClient();
        var form = await client.GetStringAsync("/sign-in");
        var csrf = Csrf().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = System.Net.WebUtility.HtmlDecode(csrf),
            ["key"] = apiKey,
            ["returnUrl"] = "/pages/cases",
        }));
        signIn.EnsureSuccessStatusCode();
        return client;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
