using System.Text.Json;

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

    /// <summary>The host reads <c>Outputs</c>, <c>Logs</c>, <c>ReturnValue</c> as written in its documentation.</summary>
    private static readonly JsonSerializerOptions PascalCase = new() { PropertyNamingPolicy = null };

    public static bool IsUnderFunctionsHost(IConfiguration config) => !string.IsNullOrEmpty(config["FUNCTIONS_CUSTOMHANDLER_PORT"]);

    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder app)
    {
        // The case work queue and the timer sweep are gone (the durable engine runs the cases); until the custom
        // handler itself goes (issue 12), the host's two trigger invocations are answered as done.
        foreach (var function in new[] { QueueFunction, TimerFunction })
        {
            app.MapPost($"/{function}", (HttpContext http) => FromOutside(http)
                    ? Results.NotFound()
                    : Results.Json(Invocation("nothing to do: the case orchestrations run the cases"), PascalCase))
                .ExcludeFromDescription();
        }

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
