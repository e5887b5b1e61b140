using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Pages;

namespace Reintegration.Functions.Operations;

/// <summary>
/// Development only (404 elsewhere, on Azure too): the e-mail outbox page and the development clock's advance.
/// </summary>
public sealed class DevelopmentFunctions
{
    [Function("DevOutbox")]
    public async Task<IResult> OutboxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/outbox")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        return NotInDevelopment(http) ?? await OutboxPage.ShowAsync(
            http, http.RequestServices.GetRequiredService<IDevOutbox>(), request.Query["caseId"].FirstOrDefault(),
            http.RequestServices.GetRequiredService<TimeProvider>());
    }

    [Function("DevClockAdvance")]
    public async Task<IResult> AdvanceClockAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/clock/advance")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        return NotInDevelopment(http) ?? await DevClock.AdvanceAsync(
            http, http.RequestServices.GetRequiredService<TimeProvider>(), http.RequestServices);
    }

    private static IResult? NotInDevelopment(HttpContext http) =>
        http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment() ? null : Results.NotFound();
}
