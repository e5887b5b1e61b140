using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// What every request passes before its HTTP function runs, in both hosts: the route prefix as the path base (links a
/// page writes keep it), the client's address and scheme from trusted forwarded headers, https for people's pages,
/// and the failed-credentials limit. Locally a middleware; on Azure a Functions worker middleware.
/// </summary>
public static class RequestGate
{
    /// <summary>
    /// The status a request's unhandled exception answers with, in both hosts: the server's own refusal of the request
    /// (a body over its size limit, a body cut short) keeps its 4xx; anything else is a 500 without details.
    /// </summary>
    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>The refusal for this request, or null to go on.</summary>
    public static IResult? Refusal(HttpContext http) =>
        SignInPages.HttpsRefusal(http) ?? FailedCredentials.Refusal(http);

    public static void UseRequestGate(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (Refusal(http) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    /// <summary>On Azure: the host hands the worker the full path (<c>/api/…</c>), forwarded over loopback.</summary>
    public static void Prepare(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Path.StartsWithSegments("/" + HttpFunctionRoutes.Prefix, out var matched, out var rest))
        {
            http.Request.PathBase = http.Request.PathBase.Add(matched);
            http.Request.Path = rest;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>();
        var loggers = http.RequestServices.GetRequiredService<ILoggerFactory>();
        new ForwardedHeadersMiddleware(_ => Task.CompletedTask, loggers, options).ApplyForwarders(http);
    }
}
