using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Api;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>Builds the one executable: configuration, storage, security, endpoints.</summary>
public static class ReintegrationApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
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
        services.AddSingleton<ApiKeyRegistry>(_ => new ApiKeyRegistry(ApiKeys.From(config, builder.Environment)));
        services.AddSingleton<AuditLog>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        AddStorage(services, config);
        services.AddSingleton<EffectDispatcher>();
        services.AddSingleton<CaseRuntime>();
        services.AddSingleton<TimerSweep>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/v1.json");
        app.MapGet("/health", () => Results.Ok(new { status = "healthy" })).WithTags("Health");
        app.MapCaseCommandsApi();
        app.MapCaseQueriesApi();
        return app;
    }

    private static void AddStorage(IServiceCollection services, IConfiguration config)
    {
        var mode = config["Storage:Mode"] ?? "InMemory";
        if (!string.Equals(mode, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Mode '{mode}' is not supported (InMemory).");
        }

        services.AddSingleton<TimeProvider>(sp => TimeProvider.System);
        services.AddSingleton<InMemoryCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<InMemoryCaseStore>());
        services.AddSingleton<ITimerIndex, InMemoryTimerIndex>();
        services.AddSingleton<ICaseIndex, InMemoryCaseIndex>();
        services.AddSingleton<IMessageSender, EffectLog>();
    }
}
