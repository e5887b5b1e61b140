using System.Security.Claims;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Cases;

/// <summary>
/// Every case snapshot the caller may see, read through the case index: what the statistics API and the dashboard
/// compute their figures from. A read per case: fine for thousands; a statistics projection is the step beyond.
/// </summary>
public static class VisibleCases
{
    public static async Task<IReadOnlyList<CaseState>> LoadAsync(ClaimsPrincipal user, ICaseIndex index, ICaseReadModel store, CancellationToken cancellationToken)
    {
        var cases = new List<CaseState>();
        string? next = null;
        do
        {
            var page = await index.QueryAsync(new CaseFilter(), 200, next, cancellationToken);
            foreach (var summary in page.Cases)
            {
                if (await store.ReadAsync(summary.CaseId, cancellationToken) is { } stored && CaseAccess.CanSee(user, stored))
                {
                    cases.Add(stored);
                }
            }

            next = page.Next;
        }
        while (next is not null);

        return cases;
    }
}
