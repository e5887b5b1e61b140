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

    public static Role? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string? PartnerOf(ClaimsPrincipal user) => user.FindFirstValue(PartnerClaim);

    public static string IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    public static bool Is(ClaimsPrincipal user, params Role[] roles) => RoleOf(user) is { } role && roles.Contains(role);
}
