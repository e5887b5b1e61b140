using Microsoft.Azure.Functions.Worker;

namespace Reintegration.Functions.Operations;

/// <summary>Liveness for probes and deploy checks: no storage touched.</summary>
public sealed class HealthFunctions
{
    [Function("Health")]
    public IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request) =>
        Results.Ok(new { status = "healthy" });
}
