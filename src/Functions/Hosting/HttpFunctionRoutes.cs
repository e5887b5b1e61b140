using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Reintegration.Functions.Hosting;

/// <summary>An HTTP function as its trigger declares it: route (under the prefix), verbs, level.</summary>
public sealed record HttpFunction(
    string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level, MethodInfo Method);

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
        var found = new List<HttpFunction>();
        var methods = assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance));
        foreach (var method in methods)
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .OfType<HttpTriggerAttribute>().FirstOrDefault();
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function && trigger is not null)
            {
                var verbs = (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList();
                var route = trigger.Route ?? function.Name;
                found.Add(new HttpFunction(function.Name, route, verbs, trigger.AuthLevel, method));
            }
        }

        return [.. found.OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app)
    {
        foreach (var function in Declared)
        {
            if (function.Level != AuthorizationLevel.Anonymous || function.Methods.Count == 0)
            {
                throw new InvalidOperationException(
                    $"HTTP function {function.Name}: declare its verbs and AuthorizationLevel.Anonymous.");
            }

            var endpoint = app.MapMethods("/" + function.Route, function.Methods, Invoker(function))
                .WithDisplayName(function.Name)
                .WithMetadata(function);
            if (IsApi(function))
            {
                // The method lets the OpenAPI document describe the route and its verb.
                endpoint.WithMetadata(function.Method).WithName(function.Name)
                    .WithTags(function.Method.DeclaringType!.Name);
            }
        }

        return app;
    }

    /// <summary>The JSON API and webhooks, as opposed to the pages for people and the development pages.</summary>
    private static bool IsApi(HttpFunction function) =>
        !new[] { "pages", "links", "sign-", "dev/" }.Any(p => function.Route.StartsWith(p, StringComparison.Ordinal));

    private static RequestDelegate Invoker(HttpFunction function)
    {
        var method = function.Method;
        var binders = method.GetParameters().Select(p => Binder(function, p)).ToArray();
        var result = method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result") : null;
        return async http =>
        {
            var target = ActivatorUtilities.CreateInstance(http.RequestServices, method.DeclaringType!);
            var arguments = binders.Select(b => b(http)).ToArray();
            var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
            if (returned is Task task)
            {
                await task;
                returned = result?.GetValue(task);
            }

            var answer = returned as IResult
                ?? throw new InvalidOperationException($"HTTP function {function.Name} gave no IResult.");
            await answer.ExecuteAsync(http);
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

        // The local host runs the orchestrations itself: no client is needed (Orchestration/ICaseCommandsSource).
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
            $"HTTP function {function.Name}: the local host cannot bind '{parameter.Name}' ({type.Name}).");
    }
}
