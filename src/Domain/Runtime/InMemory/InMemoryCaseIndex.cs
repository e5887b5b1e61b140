using System.Globalization;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>The case list in memory, ordered by case id; the continuation is the last id returned.</summary>
public sealed class InMemoryCaseIndex : ICaseIndex
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, CaseSummary> rows = new(StringComparer.Ordinal);

    public Task UpsertAsync(CaseSummary summary, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!rows.TryGetValue(summary.CaseId, out var existing) || existing.Version <= summary.Version)
            {
                rows[summary.CaseId] = summary;
            }

            return Task.CompletedTask;
        }
    }

    public Task<CasePage> QueryAsync(CaseFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var matching = rows.Values
                .Where(r => continuation is null || string.CompareOrdinal(r.CaseId, continuation) > 0)
                .Where(r => filter.ProgrammeId is null || r.ProgrammeId == filter.ProgrammeId)
                .Where(r => filter.Country is null || string.Equals(r.Country, filter.Country, StringComparison.OrdinalIgnoreCase))
                .Where(r => filter.PartnerId is null || r.PartnerId == filter.PartnerId)
                .Where(r => filter.Stage is null || r.Stage == filter.Stage)
                .Where(r => !filter.SharedWithPartnerOnly || r.SharedWithPartner)
                .Take(pageSize + 1)
                .ToList();
            var page = matching.Take(pageSize).ToList();
            return Task.FromResult(new CasePage(page, matching.Count > pageSize ? page[^1].CaseId.ToString(CultureInfo.InvariantCulture) : null));
        }
    }
}
