using System.Text.Json.Serialization;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Api;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>Builds the one executable: configuration, storage, messaging, security, endpoints, background work.</summary>
public static class ReintegrationApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (CustomHandler.IsUnderFunctionsHost(builder.Configuration))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]}");
        }

        // Kobo and Typeform form mappings are nested documents, not app settings: a JSON file with an "Intake" section,
        // shipped with the package or mounted, named by Intake:MappingsFile (relative to the app's folder).
        if (builder.Configuration["Intake:MappingsFile"] is { Length: > 0 } mappings)
        {
            builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, mappings), optional: false, reloadOnChange: false);
        }

        configure?.Invoke(builder);
        RedactingLoggerFactory.Register(builder.Services);
        var services = builder.Services;
        var config = builder.Configuration;

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddSingleton(_ => ProgrammeCatalog.Shipped());
        services.AddSingleton<CaseDecider>();
        services.AddSingleton<TimeProvider>(_ => config.GetValue<bool>("Dev:ManualClock") && builder.Environment.IsDevelopment()
            ? new ManualClock(DevClock.ParseInstant(config["Dev:ClockStart"]) ?? DateTimeOffset.UtcNow)
            : TimeProvider.System);
        services.AddKeyedSingleton(WallClock.Key, TimeProvider.System);
        services.AddSingleton<ApiKeyRegistry>(_ => new ApiKeyRegistry(ApiKeys.From(config, builder.Environment)));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<FailedCredentials>();
        services.AddCallerAuthentication(config);
        services.AddAuthorization();
        services.AddPageSignIn();
        services.AddTrustedProxies(config);

        services.AddSingleton(_ =>
        {
            var intake = config.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
            var problems = intake.Problems();
            return problems.Count == 0 ? intake : throw new InvalidOperationException("Intake configuration: " + string.Join("; ", problems));
        });
        services.AddSingleton(sp => sp.GetRequiredService<IntakeOptions>().Native.Verifier());
        services.AddCaseStorage(config);
        services.AddCaseMessaging(config, builder.Environment);
        Telemetry.AddTelemetry(services, config);
        // The configuration is checked before the engine starts: its parts need settings the check names.
        services.AddHostedService<ConfigurationCheck>();
        services.AddCaseEngine(config);
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<DemoSeed>();
        services.AddHostedService<DocumentReencryption>();

        var app = builder.Build();
        // Public routes answer under /api as well: the Functions host forwards public requests under its route prefix
        // /api, while its own trigger invocations (/CaseWork, /TimerSweep) come without it.
        app.UseForwardedHeaders();
        app.UsePathBase("/api");
        app.UseRouting();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        SignInPages.RequireHttpsForPeople(app);
        FailedCredentials.UseFailedCredentialLimit(app);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/v1.json");
        app.MapGet("/health", () => Results.Ok(new { status = "healthy" })).WithTags("Health");
        app.MapCaseCommandsApi();
        app.MapCaseQueriesApi();
        app.MapStatisticsApi();
        app.MapWebhooksApi();
        app.MapLinkPages();
        app.MapPeoplePages();
        app.MapCustomHandler();
        if (app.Environment.IsDevelopment())
        {
            app.MapOutboxPage();
            app.MapDevClock();
            app.MapGet("/", () => Results.Redirect("/dev/outbox")).ExcludeFromDescription();
        }

        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
