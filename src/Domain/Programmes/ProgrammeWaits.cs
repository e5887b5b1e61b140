namespace Reintegration.Domain.Programmes;

/// <summary>
/// How long each waiting stage may wait, counted in days from the day the wait began: a reminder to whoever must act,
/// escalations to the programme officer from <see cref="EscalationAfterDays"/> on, repeated every
/// <see cref="EscalationEveryDays"/> until the wait ends <see cref="EndAfterDays"/> after it began.
/// </summary>
public sealed record WaitSettings(
    int ReminderAfterDays, int EscalationAfterDays, int EscalationEveryDays, int EndAfterDays);

/// <summary>The settings of every waiting stage (docs/PROGRAMMES.md gives the defaults and their reasons).</summary>
public sealed record ProgrammeWaits(
    WaitSettings Decision,
    WaitSettings Departure,
    WaitSettings Arrival,
    WaitSettings Plan,
    WaitSettings PlanApproval,
    WaitSettings FinancialReport,
    WaitSettings Completion)
{
    /// <summary>The field names in <c>deadlines.waits</c>, in workflow order.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["decision", "departure", "arrival", "plan", "planApproval", "financialReport", "completion"];
}
