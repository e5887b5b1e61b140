using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Reintegration.Functions.Hosting;

/// <summary>An HTTP function as its trigger declares it: the route under the prefix, verbs and authorization level.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level, MethodInfo Method);

/// <summary>
/// The local host's routes are the HTTP functions' own: each <c>[Function]</c> method with an <c>[HttpTrigger]</c> is
/// mapped to the route and verbs its trigger declares, its route values bound by parameter name, so no endpoint is
/// written twice. The Functions host serves them under <see cref="Prefix"/> (host.json); the local host answers at
/// the root and under the prefix (its path base). Every trigger is anonymous: the app checks callers itself, the
/// same way in both hosts (<c>Security/Access</c>), and the local host has no function keys.
/// </summary>
public static class HttpFunctionRoutes
{
    /// <summary>host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string Prefix = "api";

    public static IReadOnlyList<HttpFunction> Declared { get; } = Find(typeof(HttpFunctionRoutes).Assembly);

    public static IReadOnlyList<HttpFunction> Find(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault()
            where function is not null && trigger is not null
            orderby trigger.Route, function.Name
            select new HttpFunction(
                function.Name,
                trigger.Route ?? function.Name,
                [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())],
                trigger.AuthLevel,
                method)];
    }

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app)
    {
        foreach (var function in Declared)
        {
            if (function.Level != AuthorizationLevel.Anonymous || function.Methods.Count == 0)
            {
                throw new InvalidOperationException(
                    $"HTTP function {function.Name}: declare its verbs and AuthorizationLevel.Anonymous (callers are checked by the app).");
            }

            var endpoint = app.MapMethods("/" + function.Route, function.Methods, Invoker(function))
                .WithDisplayName(function.Name)
                .WithMetadata(function);
            if (IsApi(function))
            {
                // The method lets the OpenAPI document describe the route, its route values and verbs.
                endpoint.WithMetadata(function.Method).WithName(function.Name).WithTags(function.Method.DeclaringType!.Name);
            }
        }

        return app;
    }

    /// <summary>The JSON API and webhooks, as opposed to pages for people and development pages.</summary>
    private static bool IsApi(HttpFunction function) =>
        !function.Route.StartsWith("pages", StringComparison.Ordinal) && !function.Route.StartsWith("links", StringComparison.Ordinal)
        && !function.Route.StartsWith("sign-", StringComparison.Ordinal) && !function.Route.StartsWith("dev/", StringComparison.Ordinal);

    private static RequestDelegate Invoker(HttpFunction function)
    {
        var method = function.Method;
        var binders = method.GetParameters().Select(p => Binder(function, p)).ToArray();
        return async http =>
        {
            var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(http.RequestServices, method.DeclaringType!);
            var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, [.. binders.Select(b => b(http))], null);
            var result = returned;
            if (returned is Task task)
            {
                await task;
                result = method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
            }

            await ((result as IResult) ?? throw new InvalidOperationException($"HTTP function {function.Name} gave no IResult."))
                .ExecuteAsync(http);
        };
    }

    private static Func<HttpContext, object?> Binder(HttpFunction function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return http => http.Request;
        }

        if (type == typeof(CancellationToken))
        {
            return http => http.RequestAborted;
        }

        // The local host runs the orchestrations itself: its commands need no client (Orchestration/ICaseCommandsSource).
        if (type == typeof(DurableTaskClient))
        {
            return _ => null;
        }

        if (type == typeof(string) || type == typeof(int))
        {
            var name = parameter.Name!;
            return http => http.Request.RouteValues.TryGetValue(name, out var value) && value is not null
                ? Convert.ChangeType(value, type, CultureInfo.InvariantCulture)
                : null;
        }

        throw new InvalidOperationException(
            $"HTTP function {function.Name}: the local host cannot bind parameter '{parameter.Name}' of type {type.Name}.");
    }
}
