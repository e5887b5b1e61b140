using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Reintegration.Functions.Security;

/// <summary>
/// Callers on Azure: Entra ID bearer tokens (<c>Auth:EntraId:Authority</c>, <c>Auth:EntraId:Audience</c>) beside the
/// API keys. The app registration's app roles are named like <see cref="Role"/> (Counsellor, Agency, Partner,
/// ProgrammeOfficer); a partner's token carries its partner id in the <c>partner_id</c> claim (a claims-mapping
/// policy or an optional claim). A request with <c>X-Api-Key</c> is checked as an API key, one with a bearer token as a token.
/// </summary>
public static class EntraIdAuthentication
{
    public const string SelectorScheme = "Caller";

    public static void AddCallerAuthentication(this IServiceCollection services, IConfiguration config)
    {
        var audience = config["Auth:EntraId:Audience"];
        var entra = !string.IsNullOrEmpty(audience);
        var auth = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or Entra ID", o => o.ForwardDefaultSelector = http =>
                entra && !http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (!entra)
        {
            return;
        }

        auth.AddJwtBearer(o =>
        {
            o.Authority = config["Auth:EntraId:Authority"];
            o.Audience = audience;
            o.MapInboundClaims = false;
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context => Task.Run(() => ToCaller(context.Principal!)),
                OnAuthenticationFailed = context =>
                {
                    var failures = context.HttpContext.RequestServices.GetRequiredService<FailedCredentials>();
                    failures.Failed(context.HttpContext);
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>Maps the token's app roles, object id and partner id to the claims the app reads.</summary>
    private static void ToCaller(ClaimsPrincipal principal)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        var roles = principal.FindAll("roles").Select(c => c.Value);
        foreach (var role in roles.Where(r => Caller.ParseRole(r) is not null).Take(1))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub") ?? "unknown"));
        if (Caller.RoleOf(principal) == Role.Partner && principal.FindFirstValue(Caller.PartnerClaim) is null)
        {
            // A partner token without its partner id sees nothing: remove the role rather than guess.
            identity.RemoveClaim(identity.FindFirst(ClaimTypes.Role));
        }
    }
}
