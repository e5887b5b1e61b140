using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Api;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Cases;

/// <summary>A case as one role may see it, by the rules of <see cref="CaseDisclosure"/>, timeline included.</summary>
public sealed record CaseView(
    string CaseId,
    long Version,
    string Programme,
    string Stage,
    string? Closure,
    string CountryOfReturn,
    string? PartnerId,
    string ReturnType,
    bool ConsentToShareWithPartner,
    DueView? NextDeadline,
    IReadOnlyList<DueView> Overdue,
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
    public static CaseView Of(CaseState state, IReadOnlyList<RecordedEvent> events, CaseDeadlines deadlines, Role role)
    {
        var may = CaseDisclosure.Of(role);
        var file = state.File!;
        return new CaseView(
            state.CaseId,
            state.Version,
            file.ProgrammeId,
            Choices.Kebab(state.Stage),
            state.Closure is { } closure ? Choices.Kebab(closure) : null,
            file.CountryOfReturn,
            file.PartnerId,
            Choices.Kebab(file.ReturnType),
            state.ConsentToShareWithPartner,
            deadlines.Next is { } next ? DueOf(next) : null,
            [.. deadlines.Overdue.Select(DueOf)],
            may.People ? new PeopleView([.. file.Everyone.Select(PersonOf)]) : null,
            may.EligibilityFacts && state.PreCheck is { } check
                ? new PreCheckView(
                    check.Passed, [.. check.Failed.Select(f => f.Rule)], [.. check.Flagged.Select(f => f.Rule)])
                : null,
            may.CounsellingNote ? file.CounsellingNote : null,
            state.Departure is { } departure ? Day(departure) : null,
            state.LatestPostArrivalRequest is { } latest ? Day(latest) : null,
            state.ArrivedOn is { } arrived ? Day(arrived) : null,
            state.Plan is { } plan ? PlanOf(plan, may) : null,
            [.. state.MonitoringReports.Keys],
            state.Alerts,
            [.. events.Select(e => Domain.Cases.Timeline.Describe(e.Version, e.Event, may))
                .Select(t => new TimelineView(t.Version, t.At, t.What, t.Detail))]);
    }

    private static DueView DueOf(DueItem due) => new(Day(due.Date), due.What, due.Code, due.Number);

    private static PersonView PersonOf(Person p) =>
        new(p.Name, Day(p.DateOfBirth), Choices.Kebab(p.Relationship), p.UnaccompaniedMinor);

    private static PlanView PlanOf(ReintegrationPlan plan, Disclosure may) =>
        new(plan.Version, Choices.Kebab(plan.Status), plan.Total, may.FreeText ? plan.Comment : null,
            [.. plan.Lines.Select(l => new LineView(
                l.LineId, Choices.Kebab(l.Category), may.FreeText ? l.Description : null, l.Amount))]);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A deadline: its date, what for in English, and the same as a code with its month or plan version.</summary>
public sealed record DueView(string Date, string What, string Code, int? Number);

public sealed record PeopleView(IReadOnlyList<PersonView> Persons);

public sealed record PersonView(string Name, string DateOfBirth, string Relationship, bool UnaccompaniedMinor);

public sealed record PreCheckView(bool Passed, IReadOnlyList<string> Failed, IReadOnlyList<string> Flagged);

public sealed record PlanView(int Version, string Status, Money Total, string? Comment, IReadOnlyList<LineView> Lines);

public sealed record LineView(string LineId, string Category, string? Description, Money Amount);

public sealed record TimelineView(long Version, DateTimeOffset At, string What, string Detail);
