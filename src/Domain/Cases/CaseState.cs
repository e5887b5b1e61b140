using System.Collections.Immutable;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Eligibility;

namespace Reintegration.Domain.Cases;

/// <summary>A case as its events left it: what the decider reads and the read model keeps as the case's snapshot.</summary>
public sealed record CaseState
{
    public static CaseState Empty(string caseId) => new() { CaseId = caseId };

    public string CaseId { get; init; } = string.Empty;

    /// <summary>The number of events applied: the stream's version.</summary>
    public long Version { get; init; }

    public CaseStage Stage { get; init; } = CaseStage.New;

    public CaseFile? File { get; init; }

    public PreCheckResult? PreCheck { get; init; }

    /// <summary>Counts decision waits (intake, then each reopening): the guard of the decision timers.</summary>
    public int DecisionRound { get; init; }

    public DateTimeOffset? DecisionWaitStartedAt { get; init; }

    public bool? Eligible { get; init; }

    public string? DecisionReason { get; init; }

    /// <summary>Counts bookings and cancellations: the guard of the post-arrival timers.</summary>
    public int Booking { get; init; }

    public DateOnly? Departure { get; init; }

    public string? Flight { get; init; }

    public DateOnly? LatestPostArrivalRequest { get; init; }

    public PostArrivalPackage? PostArrival { get; init; }

    public bool ConsentToShareWithPartner { get; init; }

    public DateOnly? DepartedOn { get; init; }

    public Money? CashPaidAtDeparture { get; init; }

    public DateOnly? ArrivedOn { get; init; }

    public ReintegrationPlan? Plan { get; init; }

    public ImmutableSortedDictionary<int, MonitoringReport> MonitoringReports { get; init; } = ImmutableSortedDictionary<int, MonitoringReport>.Empty;

    /// <summary>Reminders and escalations already sent, as "Kind:Round": each goes out once.</summary>
    public ImmutableSortedSet<string> RemindersSent { get; init; } = ImmutableSortedSet<string>.Empty;

    public IReadOnlyList<SpentLine>? FinancialReport { get; init; }

    public ClosureReason? Closure { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int Alerts { get; init; }

    /// <summary>
    /// The version of the event that began the current wait (a stage entered, or a departure booked): a waiting
    /// stage's timer set before it belongs to a wait that is over.
    /// </summary>
    public long WaitSince { get; init; }

    public DateTimeOffset? PersonalDataErasedAt { get; init; }

    /// <summary>When the case entered each stage it has been in, in order: the ground of the "days per stage" figures.</summary>
    public ImmutableList<StageEntry> StageHistory { get; init; } = ImmutableList<StageEntry>.Empty;

    /// <summary>When each month's monitoring report arrived: the ground of the "reports on time" figures.</summary>
    public ImmutableSortedDictionary<int, DateTimeOffset> MonitoringReportedAt { get; init; } = ImmutableSortedDictionary<int, DateTimeOffset>.Empty;

    public bool HasPartner => File?.PartnerId is not null;

    public bool WasReminded(TimerKind kind, int round) => RemindersSent.Contains(ReminderKey(kind, round));

    /// <summary>True when a reminder or escalation of <paramref name="kind"/> went out in any round.</summary>
    public bool WasRemindedOf(TimerKind kind) =>
        RemindersSent.Any(key => key.StartsWith($"{kind}:", StringComparison.Ordinal));

    internal static string ReminderKey(TimerKind kind, int round) => $"{kind}:{round}";

    internal static TimerKind? ReminderKindOf(string key) =>
        Enum.TryParse<TimerKind>(key[..key.IndexOf(':', StringComparison.Ordinal)], out var kind) ? kind : null;
}

/// <summary>A stage the case entered, and when.</summary>
public sealed record StageEntry(CaseStage Stage, DateTimeOffset EnteredAt);

/// <summary>The post-arrival package as requested from the partner.</summary>
public sealed record PostArrivalPackage(IReadOnlyList<PostArrivalService> Services, Money? EstimatedValue, string? Notes, DateTimeOffset RequestedAt);

/// <summary>Whether the caseworker has decided on a plan version.</summary>
public enum PlanStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>The current version of the post-return plan.</summary>
public sealed record ReintegrationPlan(int Version, IReadOnlyList<BudgetLine> Lines, Money Total, PlanStatus Status, string? Comment, DateTimeOffset SubmittedAt);
