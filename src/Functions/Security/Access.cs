using Microsoft.AspNetCore.Authentication;
using Reintegration.Functions.Pages;

namespace Reintegration.Functions.Security;

/// <summary>
/// The access check at the top of each HTTP function, the same in both hosts: under the isolated worker ASP.NET Core's
/// authentication and authorization middleware is not in the request's path, so the function authenticates its
/// caller itself and sets <see cref="HttpContext.User"/>. Null: go on; otherwise the answer to give.
/// </summary>
public static class Access
{
    /// <summary>An API caller: an API key or an Entra ID token. Nobody, or a wrong key: 401 Problem Details.</summary>
    public static async Task<IResult?> CallerAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(EntraIdAuthentication.SelectorScheme);
        if (result.Succeeded)
        {
            http.User = result.Principal;
            return null;
        }

        return Results.Problem(
            type: "unauthenticated", title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized,
            detail: "Send an API key (X-Api-Key) or an Entra ID bearer token.");
    }

    /// <summary>A signed-in person (the pages' cookie); otherwise the cookie scheme's redirect to sign-in.</summary>
    public static async Task<IResult?> PersonAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(SignInPages.Scheme);
        if (result.Succeeded)
        {
            http.User = result.Principal;
            return null;
        }

        return Results.Challenge(authenticationSchemes: [SignInPages.Scheme]);
    }
}
