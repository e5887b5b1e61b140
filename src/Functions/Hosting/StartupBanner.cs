using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>Tells a newcomer where to click once the app listens (Development only).</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:7071";
            Console.WriteLine($"""

                Reintegration.Serverless is running: {url}/
                  dev e-mail outbox (click the links): {url}/dev/outbox
                  API description:                     {url}/openapi/v1.json
                  health:                              {url}/health
                  development API keys (X-Api-Key):    {string.Join(", ", ApiKeys.Development.Select(k => $"{k.Role}={k.Key}"))}
                Press Ctrl+C to stop.
                """);
        });
    }
}
