using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// A case's row in the case list: what the list filters and shows, nothing personal. The next deadline's what is
/// English (for the API) and a key (<see cref="DueItem.Key"/>) that pages say in their language.
/// </summary>
public sealed record CaseSummary(
    string CaseId,
    string ProgrammeId,
    string Country,
    string? PartnerId,
    bool SharedWithPartner,
    CaseStage Stage,
    ClosureReason? Closure,
    DateOnly? NextDeadline,
    string? NextDeadlineWhat,
    DateTimeOffset UpdatedAt,
    long Version,
    string? NextDeadlineKey = null)
{
    /// <summary>How many deadlines had passed unmet when the row was written.</summary>
    public int Overdue { get; init; }

    /// <summary>The oldest deadline passed unmet when the row was written.</summary>
    public DateOnly? OverdueSince { get; init; }

    /// <summary>Whether something is overdue on <paramref name="today"/> (the next deadline may have passed since).</summary>
    public bool IsOverdueOn(DateOnly today) => Overdue > 0 || NextDeadline < today;

    /// <summary>The case's row as of <paramref name="now"/>: its deadlines on that day, the next and the overdue.</summary>
    public static CaseSummary Of(CaseState state, Programme programme, DateTimeOffset now) =>
        Of(state, Cases.NextDeadline.Of(state, programme, DateOnly.FromDateTime(now.UtcDateTime)), now);

    private static CaseSummary Of(CaseState state, CaseDeadlines deadlines, DateTimeOffset updatedAt) => new(
        state.CaseId, state.File!.ProgrammeId, state.File.CountryOfReturn, state.File.PartnerId, state.ConsentToShareWithPartner,
        state.Stage, state.Closure, deadlines.Next?.Date, deadlines.Next?.What, updatedAt, state.Version,
        deadlines.Next?.Key)
    {
        Overdue = deadlines.Overdue.Count,
        OverdueSince = deadlines.OldestOverdue?.Date,
    };
}

/// <summary>Filters of the case list; null means any.</summary>
public sealed record CaseFilter(string? ProgrammeId = null, string? Country = null, string? PartnerId = null, CaseStage? Stage = null, bool SharedWithPartnerOnly = false);

/// <summary>One page of the case list, with the token for the next page (null at the end).</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Cases, string? Next);

/// <summary>Lists cases by status, country, partner and programme. Updated by each projection of the case.</summary>
public interface ICaseIndex
{
    Task UpsertAsync(CaseSummary summary, CancellationToken cancellationToken = default);

    Task<CasePage> QueryAsync(CaseFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default);
}
