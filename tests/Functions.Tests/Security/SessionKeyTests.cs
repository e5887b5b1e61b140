using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

public sealed partial class SessionKeyTests : IDisposable
{
    private readonly DirectoryInfo keyRing = Directory.CreateTempSubdirectory("session-keys-");

    public void Dispose() => keyRing.Delete(recursive: true);

    [Fact]
    public async Task Given_a_signed_in_session_When_its_key_is_replaced_or_removed_Then_the_next_request_is_sent_to_sign_in()
    {
        const string key = "alice-key-0123456789abcdefghijklmnopq";
        await using var before = new KeyedApp(keyRing, ("alice", key), ("bob", "bob-key-0123456789abcdefghijklmnopqrs"));
        var session = await SignInAsync(before, key);
        (await PageAsync(before, session)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same deployment restarted with its configuration unchanged keeps the session (a shared key ring)...
        await using var restarted = new KeyedApp(keyRing, ("alice", key), ("bob", "bob-key-0123456789abcdefghijklmnopqrs"));
        (await PageAsync(restarted, session)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // ...but not once alice's key is replaced, or removed.
        await using var rotated = new KeyedApp(keyRing, ("alice", "alice-new-key-0123456789abcdefghijklm"), ("bob", "bob-key-0123456789abcdefghijklmnopqrs"));
        var refused = await PageAsync(rotated, session);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/sign-in");
        await using var revoked = new KeyedApp(keyRing, ("bob", "bob-key-0123456789abcdefghijklmnopqrs"));
        (await PageAsync(revoked, session)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> PageAsync(AppFactory app, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pages/cases");
        request.Headers.Add("Cookie", session);
        return await Client(app).SendAsync(request);
    }

    private static HttpClient Client(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static async Task<string> SignInAsync(AppFactory app, string key)
    {
        var client = Client(app);
        var form = await client.GetAsync("/sign-in");
        var cookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = CsrfField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("key", key), new("returnUrl", "/pages/cases")]),
        };
        post.Headers.Add("Cookie", cookie);
        var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reintegration.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    /// <summary>One start of the app with these counsellor keys, on a key ring shared by its restarts.</summary>
    private sealed class KeyedApp(DirectoryInfo keyRing, params (string Name, string Key)[] keys) : AppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                for (var i = 0; i < keys.Length; i++)
                {
                    settings[$"Auth:ApiKeys:{i}:Name"] = keys[i].Name;
                    settings[$"Auth:ApiKeys:{i}:Key"] = keys[i].Key;
                    settings[$"Auth:ApiKeys:{i}:Role"] = "Counsellor";
                }

                return settings;
            }
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddDataProtection().PersistKeysToFileSystem(keyRing).SetApplicationName("session-key-tests");
    }
}
