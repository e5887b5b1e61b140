using Reintegration.Functions.Api;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The local host (the README's run command and the tests, where no Functions host can run): ASP.NET Core with the
/// app's services, the case orchestrations run in-process on Azurite, and every HTTP function mapped to the route its
/// trigger declares (<see cref="HttpFunctionRoutes"/>).
/// </summary>
public static class ReintegrationApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        ReintegrationServices.Add(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOpenApi();
        services.AddCaseEngine(config);
        services.AddSingleton<ICaseCommandsSource>(sp => new LocalCaseCommands(sp));
        services.AddHostedService<DemoSeed>();

        var app = builder.Build();
        // Public routes answer at the root and under /api, the Functions host's route prefix (host.json), so the
        // same links and requests work against both hosts; under /api the prefix is the path base, as on Azure.
        app.UseForwardedHeaders();
        app.UsePathBase("/" + HttpFunctionRoutes.Prefix);
        app.UseRouting();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestGate();
        // Access decisions are the functions' own (Security/Access), as on Azure. Named here only so that the
        // authentication middleware WebApplication would otherwise add at the very start runs after forwarded
        // headers: a failed key is counted against the client's address, not the proxy's.
        app.UseAuthentication();

        app.MapOpenApi("/openapi/v1.json");
        app.MapHttpFunctions();
        if (app.Environment.IsDevelopment())
        {
            // The local demo's front door (README); not a function: the Azure app has no page at its root.
            app.MapGet("/", () => Results.Redirect("/dev/outbox")).ExcludeFromDescription();
        }

        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
