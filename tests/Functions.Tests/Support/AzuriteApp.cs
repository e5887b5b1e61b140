using Reintegration.Functions.Outbox;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Support;

/// <summary>The app on a real Azurite (tables, queue, blobs), with a manual clock. Shared by a collection; tests use their own case ids.</summary>
public sealed class AzuriteApp : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public AppFactory App { get; private set; } = null!;

    public AzuriteFixture Azurite => azurite;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        App = new AzureAppFactory(azurite.ConnectionString);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>The token of the newest e-mail link for a case whose subject or text mentions <paramref name="contains"/>.</summary>
    public async Task<string> LinkTokenAsync(string caseId, string contains)
    {
        var emails = await App.Get<IDevOutbox>().ListAsync(caseId);
        var email = emails.First(e => e.Message.Text.Contains(contains, StringComparison.OrdinalIgnoreCase) || e.Message.Subject.Contains(contains, StringComparison.OrdinalIgnoreCase));
        var start = email.Message.Text.IndexOf("/links/", StringComparison.Ordinal) + "/links/".Length;
        var end = email.Message.Text.IndexOfAny([' ', '\n', '\r'], start);
        return email.Message.Text[start..(end < 0 ? email.Message.Text.Length : end)];
    }

    private sealed class AzureAppFactory(string connectionString) : AppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Storage:Mode"] = "Azure";
                settings["Storage:ConnectionString"] = connectionString;
                settings["Storage:Prefix"] = "t" + Guid.NewGuid().ToString("N")[..8];
                return settings;
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteAppCollection : ICollectionFixture<AzuriteApp>
{
    public const string Name = "App on Azurite";
}
