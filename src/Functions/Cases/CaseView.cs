using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Cases;

/// <summary>
/// A case as one role may see it. The counselling note is the counsellor's alone; the programme officer sees no
/// names; the partner sees what it needs to receive and support the family, not the eligibility facts.
/// </summary>
public sealed record CaseView(
    string CaseId,
    string Programme,
    string Stage,
    string? Closure,
    string CountryOfReturn,
    string? PartnerId,
    string ReturnType,
    bool ConsentToShareWithPartner,
    DueView? NextDeadline,
    PeopleView? People,
    PreCheckView? PreCheck,
    string? CounsellingNote,
    string? Departure,
    string? LatestPostArrivalRequest,
    string? ArrivedOn,
    PlanView? Plan,
    IReadOnlyList<int> MonitoringMonthsReported,
    int Alerts,
    IReadOnlyList<TimelineView> Timeline)
{
    public static CaseView Of(CaseState state, IReadOnlyList<RecordedEvent> events, DueItem? next, Role role)
    {
        var file = state.File!;
        return new CaseView(
            state.CaseId,
            file.ProgrammeId,
            Choices.Kebab(state.Stage),
            state.Closure is { } closure ? Choices.Kebab(closure) : null,
            file.CountryOfReturn,
            file.PartnerId,
            Choices.Kebab(file.ReturnType),
            state.ConsentToShareWithPartner,
            next is null ? null : new DueView(Day(next.Date), next.What),
            role == Role.ProgrammeOfficer ? null : new PeopleView(
                file.Everyone.Select(p => new PersonView(p.Name, Day(p.DateOfBirth), Choices.Kebab(p.Relationship), p.UnaccompaniedMinor)).ToList()),
            role is Role.Counsellor or Role.Agency && state.PreCheck is { } check
                ? new PreCheckView(check.Passed, check.Failed.Select(f => f.Rule).ToList(), check.Flagged.Select(f => f.Rule).ToList())
                : null,
            role == Role.Counsellor ? file.CounsellingNote : null,
            state.Departure is { } departure ? Day(departure) : null,
            state.LatestPostArrivalRequest is { } latest ? Day(latest) : null,
            state.ArrivedOn is { } arrived ? Day(arrived) : null,
            state.Plan is { } plan ? new PlanView(plan.Version, Choices.Kebab(plan.Status), plan.Total, plan.Comment,
                plan.Lines.Select(l => new LineView(l.LineId, Choices.Kebab(l.Category), l.Description, l.Amount)).ToList()) : null,
            [.. state.MonitoringReports.Keys],
            state.Alerts,
            events.Select(e => Domain.Cases.Timeline.Describe(e.Version, e.Event)).Select(t => new TimelineView(t.Version, t.At, t.What, t.Detail)).ToList());
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record DueView(string Date, string What);

public sealed record PeopleView(IReadOnlyList<PersonView> Persons);

public sealed record PersonView(string Name, string DateOfBirth, string Relationship, bool UnaccompaniedMinor);

public sealed record PreCheckView(bool Passed, IReadOnlyList<string> Failed, IReadOnlyList<string> Flagged);

public sealed record PlanView(int Version, string Status, Money Total, string? Comment, IReadOnlyList<LineView> Lines);

public sealed record LineView(string LineId, string Category, string Description, Money Amount);

public sealed record TimelineView(long Version, DateTimeOffset At, string What, string Detail);
