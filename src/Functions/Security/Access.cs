using Microsoft.AspNetCore.Authentication;
using Reintegration.Functions.Api;
using Reintegration.Functions.Pages;

namespace Reintegration.Functions.Security;

/// <summary>
/// The access check at the top of each HTTP function, the same in both hosts: under the isolated worker ASP.NET Core's
/// authentication and authorization middleware is not in the request's path, so the function authenticates its
/// caller itself and sets <see cref="HttpContext.User"/>. Null: go on; otherwise the answer to give.
/// </summary>
public static class Access
{
    /// <summary>An API caller with a role: an API key or an Entra ID token. Nobody, or a wrong key: 401 Problem Details; a
    /// caller with no role of this app: 403.</summary>
    public static async Task<IResult?> CallerAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(EntraIdAuthentication.SelectorScheme);
        if (result.Succeeded && Caller.RoleOf(result.Principal) is null)
        {
            // A valid token with no app role of ours (or a partner's without its partner id) may do nothing: checked
            // here once, since a read that only asks for a signed-in caller (the case list) would otherwise serve it.
            return Problems.Of("forbidden", "No role.",
                "Your identity has no role in this app: ask for one of its app roles (a partner also needs its partner id).",
                StatusCodes.Status403Forbidden);
        }

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
