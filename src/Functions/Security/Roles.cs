using System.Security.Claims;

namespace Reintegration.Functions.Security;

/// <summary>The four kinds of people the product serves.</summary>
public enum Role
{
    Counsellor,
    Agency,
    Partner,
    ProgrammeOfficer,
}

/// <summary>Reads the caller's role and partner binding from the authenticated principal.</summary>
public static class Caller
{
    public const string PartnerClaim = "partner_id";

    public static Role? RoleOf(ClaimsPrincipal user) => ParseRole(user.FindFirstValue(ClaimTypes.Role));

    /// <summary>
    /// A role by its exact name only: <c>Enum.TryParse</c> would also take "0", "1" or "Agency,Partner" (flags
    /// arithmetic that lands on another role).
    /// </summary>
    public static Role? ParseRole(string? name) =>
        Enum.GetValues<Role>().Where(r => string.Equals(r.ToString(), name, StringComparison.Ordinal))
            .Select(r => (Role?)r).FirstOrDefault();

    public static string? PartnerOf(ClaimsPrincipal user) => user.FindFirstValue(PartnerClaim);

    public static string IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    public static bool Is(ClaimsPrincipal user, params Role[] roles) => RoleOf(user) is { } role && roles.Contains(role);
}
