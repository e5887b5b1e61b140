using Reintegration.Domain.Cases;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Cases;

/// <summary>
/// What each role may see of a case: the one place these rules live. The counselling note is the counsellor's alone;
/// the agency sees the rest; the partner sees what it needs to receive and support the family, not the eligibility
/// facts nor the decision's reason; the programme officer sees no names and no free text, which may hold names.
/// </summary>
public static class CaseDisclosure
{
    public static Disclosure Of(Role role) => role switch
    {
        Role.Counsellor => Disclosure.Everything,
        Role.Agency => Disclosure.Everything with { CounsellingNote = false },
        Role.Partner => Disclosure.FactsOnly with { People = true, FreeText = true },
        _ => Disclosure.FactsOnly,
    };
}
