using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The <see cref="RequestGate"/> under the isolated worker: runs before each HTTP function, and answers a function's
/// failure with a 500 Problem Details without its details, as the local host's exception handler does.
/// </summary>
public sealed class RequestGateMiddleware(ILogger<RequestGateMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            RequestGate.Prepare(http);
            if (RequestGate.Refusal(http) is { } refusal)
            {
                // The ASP.NET Core integration executes an IResult the invocation gives back.
                context.GetInvocationResult().Value = refusal;
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { RequestAborted.IsCancellationRequested: false })
        {
            var status = RequestGate.StatusOf(ex);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(ex, "HTTP function {Function} failed", context.FunctionDefinition.Name);
            }

            context.GetInvocationResult().Value = Results.Problem(statusCode: status);
        }
    }
}
