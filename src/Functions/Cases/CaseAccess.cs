using System.Security.Claims;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Cases;

/// <summary>Who may see a case. A partner sees only its own cases, and only once the returnee consented to sharing.</summary>
public static class CaseAccess
{
    public static bool CanSee(ClaimsPrincipal user, CaseState state) => Caller.RoleOf(user) switch
    {
        Role.Counsellor or Role.Agency or Role.ProgrammeOfficer => true,
        Role.Partner => state.File?.PartnerId is { } partner && partner == Caller.PartnerOf(user) && state.ConsentToShareWithPartner,
        _ => false,
    };
}
