using System.Text.Json.Serialization;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The app's services, registered once for both hosts: the Functions host on Azure (<see cref="FunctionsApp"/>) and
/// the local ASP.NET Core host (<see cref="ReintegrationApp"/>). What only one host has is registered by that host.
/// </summary>
public static class ReintegrationServices
{
    public static void Add(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Kobo and Typeform form mappings are nested documents, not app settings: a JSON file with an "Intake" section,
        // shipped with the package or mounted, named by Intake:MappingsFile (relative to the app's folder).
        if (builder.Configuration["Intake:MappingsFile"] is { Length: > 0 } mappings)
        {
            builder.Configuration.AddJsonFile(
                Path.Combine(AppContext.BaseDirectory, mappings), optional: false, reloadOnChange: false);
        }

        RedactingLoggerFactory.Register(builder.Services);
        var services = builder.Services;
        var config = builder.Configuration;
        var environment = builder.Environment;

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = RequestGate.StatusOf);

        services.AddSingleton(_ => ProgrammeCatalog.Shipped());
        services.AddSingleton<CaseDecider>();
        services.AddSingleton<TimeProvider>(_ => config.GetValue<bool>("Dev:ManualClock") && environment.IsDevelopment()
            ? new ManualClock(DevClock.ParseInstant(config["Dev:ClockStart"]) ?? DateTimeOffset.UtcNow)
            : TimeProvider.System);
        services.AddKeyedSingleton(WallClock.Key, TimeProvider.System);
        services.AddSingleton<ApiKeyRegistry>(_ => new ApiKeyRegistry(ApiKeys.From(config, environment)));
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
            return problems.Count == 0
                ? intake
                : throw new InvalidOperationException("Intake configuration: " + string.Join("; ", problems));
        });
        services.AddSingleton(sp => sp.GetRequiredService<IntakeOptions>().Native.Verifier());
        services.AddCaseStorage(config);
        services.AddCaseMessaging(config, environment);
        Telemetry.AddTelemetry(services, config);
        // The configuration is checked before the engine starts: its parts need settings the check names.
        services.AddHostedService<ConfigurationCheck>();
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<DocumentReencryption>();
    }
}
