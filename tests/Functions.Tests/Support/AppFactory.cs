using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;

namespace Reintegration.Functions.Tests.Support;

/// <summary>The app in-process with a manual clock; settings can be added per test class.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public ManualClock Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    /// <summary>A test-only signing key (random per run, never a secret of any deployment).</summary>
    public static readonly string LinkKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Mode"] = "InMemory",
        ["Links:BaseUrl"] = "http://localhost",
        ["Links:KeyId"] = "test",
        ["Links:Key"] = LinkKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Senders sign with the test's time unless a test gives the wall clock its own.
            services.AddKeyedSingleton<TimeProvider>(Reintegration.Functions.Hosting.WallClock.Key, Clock);
            ConfigureTestServices(services);
        });
    }

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public HttpClient As(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public HttpClient Counsellor => As("dev-counsellor-key");

    public HttpClient Agency => As("dev-agency-key");

    public HttpClient PartnerUganda => As("dev-partner-ug-key");

    public HttpClient PartnerSenegal => As("dev-partner-sn-key");

    public HttpClient Officer => As("dev-officer-key");

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Creates a case the way an intake webhook would, straight through the runtime.</summary>
    public async Task<string> NewCaseAsync(string caseId, string programme = "drc-denmark", string country = "UG", bool consent = true)
    {
        var result = await Get<ICaseCommands>().HandleAsync(new CaseCommand.SubmitApplication(
            caseId, $"{caseId}-intake", Clock.GetUtcNow(), programme, new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [],
            country, country, ReturnType.Voluntary, null, consent, EligibilityFacts.Clean(), null, "Confidential: counselling note"), null);
        result.Rejection.ShouldBeNull();
        return caseId;
    }

    /// <summary>
    /// Reads until <paramref name="read"/> finds something, at most 30 s: for what the app does after it has answered,
    /// such as an intake's first generation (the webhook answers once the case is started, before its e-mails).
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await read() is { } found)
            {
                return found;
            }

            await Task.Delay(50, bound.Token);
        }
    }

    /// <summary>
    /// No trace of the case: no orchestration instance, nothing in the read model, no personal data kept. An intake
    /// answers before the read model has its case, so the read model alone cannot tell that nothing was started.
    /// </summary>
    public async Task<bool> NothingOfAsync(string caseId) =>
        (await Get<Reintegration.Functions.Orchestration.ICaseOrchestrations>().GetAsync(caseId)).Status
            == Reintegration.Functions.Orchestration.CaseInstanceStatus.Missing
        && await VersionAsync(caseId) == 0
        && (await Get<ICaseReadModel>().ReadSecretsAsync(caseId)).Count == 0;

    public async Task<long> VersionAsync(string caseId) => (await Get<ICaseReadModel>().ReadAsync(caseId))?.Version ?? 0;

    public static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));
}
