using System.Text.Json;
using Reintegration.Functions.Work;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The Azure Functions custom handler side: the host forwards HTTP requests as they are, and posts queue and timer
/// invocations as JSON (<c>Data</c>, <c>Metadata</c>) to <c>/{functionName}</c>, expecting <c>Outputs</c>, <c>Logs</c>,
/// <c>ReturnValue</c>. A non-2xx answer makes the host retry, so only a real failure returns one.
/// </summary>
public static class CustomHandler
{
    public const string QueueFunction = "CaseWork";
    public const string TimerFunction = "TimerSweep";
    public const int MaxDequeueCount = 5;

    /// <summary>The host reads <c>Outputs</c>, <c>Logs</c>, <c>ReturnValue</c> as written in its documentation.</summary>
    private static readonly JsonSerializerOptions PascalCase = new() { PropertyNamingPolicy = null };

    public static bool IsUnderFunctionsHost(IConfiguration config) => !string.IsNullOrEmpty(config["FUNCTIONS_CUSTOMHANDLER_PORT"]);

    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{QueueFunction}", async (HttpContext http, CaseWorkProcessor processor) =>
        {
            if (FromOutside(http))
            {
                return Results.NotFound();
            }

            using var invocation = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var data = invocation.RootElement.GetProperty("Data");
            var message = data.TryGetProperty("message", out var item) ? item : data.EnumerateObject().First().Value;
            var text = message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText();
            var dequeueCount = invocation.RootElement.TryGetProperty("Metadata", out var metadata)
                && metadata.TryGetProperty("DequeueCount", out var count) && int.TryParse(count.ToString(), out var n) ? n : 1;
            try
            {
                await processor.HandleAsync(text, http.RequestAborted);
                return Results.Json(Invocation("handled"), PascalCase);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && dequeueCount >= MaxDequeueCount)
            {
                // Last try: the host moves the message to the poison queue after this failure; tell the case first.
                await processor.PoisonedAsync(text, http.RequestAborted);
                return Results.Json(Invocation($"failed for good: {ex.GetType().Name}"), PascalCase, statusCode: 500);
            }
        }).ExcludeFromDescription();

        app.MapPost($"/{TimerFunction}", async (HttpContext http, DueTimerSweep sweep) =>
        {
            if (FromOutside(http))
            {
                return Results.NotFound();
            }

            var report = await sweep.RunAsync(cancellationToken: http.RequestAborted);
            return Results.Json(Invocation($"queued {report.TimersQueued} timer(s), recovered {report.EffectsRecovered} effect(s)"), PascalCase);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A public request forwarded by the host carries the /api path base; the host's own trigger invocations do not.
    /// Without the host, these endpoints are not reachable from outside the machine's loopback either.
    /// </summary>
    private static bool FromOutside(HttpContext http) =>
        http.Request.PathBase.HasValue || !IsUnderFunctionsHost(http.RequestServices.GetRequiredService<IConfiguration>());

    private static object Invocation(string log) => new { Outputs = new { }, Logs = new[] { log }, ReturnValue = (object?)null };
}
