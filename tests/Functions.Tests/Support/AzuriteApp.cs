using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Tests.Intake;
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
        var end = email.Message.Text.IndexOfAny([' ', '\n', '\r', '?'], start);
        return email.Message.Text[start..(end < 0 ? email.Message.Text.Length : end)];
    }

    public const string NativeSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string KoboHeaderValue = "kobo-shared-secret-for-tests";
    public const string TypeformSecret = "typeform-webhook-secret-of-ours";

    /// <summary>The app on Azurite; <paramref name="extra"/> settings win over the defaults.</summary>
    internal sealed class AzureAppFactory(
        string connectionString, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? replace = null) : AppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var intake = new IntakeOptions { Native = { Secrets = [NativeSecret] } };
            intake.Kobo["drc-intake"] = new KoboForm { Authentication = new() { HeaderName = "X-Intake-Secret", HeaderValue = KoboHeaderValue }, Mapping = DrcKoboForm.Mapping() };
            intake.Kobo["n8n-sample"] = new KoboForm { Authentication = new() { Username = "kobo", Password = KoboHeaderValue }, Mapping = KoboIntakeTests.SampleFormMapping() };
            intake.Kobo["drc-form-for-sample"] = new KoboForm { Authentication = new() { Username = "kobo", Password = KoboHeaderValue }, Mapping = DrcKoboForm.Mapping() };
            intake.Typeform["sample"] = new TypeformForm { Secret = TypeformSecret, Mapping = TypeformIntakeTests.MappingWithConstantsForTheRest() };
            intake.Problems().ShouldBeEmpty();
            services.RemoveAll<IntakeOptions>();
            services.AddSingleton(intake);
            services.RemoveAll<StandardWebhookVerifier>();
            services.AddSingleton(intake.Native.Verifier());
            replace?.Invoke(services);
        }

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Storage:Mode"] = "Azure";
                settings["Storage:ConnectionString"] = connectionString;
                settings["Storage:Prefix"] = "t" + Guid.NewGuid().ToString("N")[..8];
                settings["Engine:LongestPoll"] = "00:00:00.100"; // steps one after another on an idle hub: no 1 s backed-off polls
                settings["Email:SendGrid:EventWebhookPublicKey"] = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
                foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
                {
                    settings[key] = value;
                }

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
