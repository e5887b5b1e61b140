using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Reintegration.Functions.Hosting;

/// <summary>The <see cref="RequestGate"/> under the isolated worker: runs before each HTTP function.</summary>
public sealed class RequestGateMiddleware : IFunctionsWorkerMiddleware
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

        await next(context);
    }
}
