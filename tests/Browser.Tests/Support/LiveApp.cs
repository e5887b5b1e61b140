using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Hosting;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Browser.Tests.Support;

/// <summary>
/// The real app on a free loopback port (Playwright needs TCP; TestServer has none), on Azurite, in Development with the
/// manual dev clock and no background work, plus Debian's Chromium driven headless. Shared by the collection; tests use
/// their own case ids and browser contexts.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowserContext? current;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public ManualClock Clock => (ManualClock)Services.GetRequiredService<TimeProvider>();

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        app = ReintegrationApp.Build(["--urls", BaseUrl, "--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..8],
            ["Dev:ManualClock"] = "true",
            // Steps taken one after another on an idle task hub: each queue hop would wait for a poll backed off to 1 s.
            ["Engine:LongestPoll"] = "00:00:00.100",
            ["Links:BaseUrl"] = BaseUrl,
            ["Links:KeyId"] = "browser-tests",
            ["Links:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Documents:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }));
        await app.StartAsync();

        // Never download a browser: Playwright's own driver (bin/.playwright) drives Debian's Chromium.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (own cookies) on the app, a phone-sized viewport unless told otherwise. The context
    /// opened before it is closed first: the collection runs its tests one after another, each with one page, and a
    /// context left open keeps its renderer processes (66 of them by the end of a run, sharing two cores with the app).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 360, int height = 800, string locale = "en-GB")
    {
        if (current is not null)
        {
            await current.CloseAsync();
        }

        var context = current = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        return await context.NewPageAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "Live app in Chromium";
}
