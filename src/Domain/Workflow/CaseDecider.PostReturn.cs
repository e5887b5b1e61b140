using Reintegration.Domain.Budget;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>Stages 5 and 6: arrival and the post-return plan, approved or rejected by the caseworker.</summary>
public sealed partial class CaseDecider
{
    private Rejection? ConfirmArrival(ConfirmArrival command, DecisionBuilder build)
    {
        var state = build.State;
        if (!state.HasPartner)
        {
            return Refuse("no-partner", "This case has no reintegration partner: record the departure instead.");
        }

        if (command.ArrivedOn > Deadline.DateOf(command.At))
        {
            return Refuse("arrival-in-future", $"The arrival {command.ArrivedOn:yyyy-MM-dd} has not happened yet.", "arrivedOn");
        }

        if (command.ArrivedOn < state.Departure)
        {
            return Refuse("arrival-before-departure", $"The arrival {command.ArrivedOn:yyyy-MM-dd} is before the departure {state.Departure:yyyy-MM-dd}.", "arrivedOn");
        }

        build.Then(new CaseEvent.ArrivalConfirmed(command.ArrivedOn, command.At))
            .Email(EmailTemplate.ArrivalConfirmed, RecipientRole.Counsellor);
        for (var month = 1; month <= ProgrammeOf(state).Deadlines.MonitoringMonths; month++)
        {
            build.Timer(TimerKind.MonitoringReminder, month, Deadline.StartOf(CaseEvolution.MonitoringDate(command.ArrivedOn, month)));
        }

        return null;
    }

    private Rejection? SubmitPlan(SubmitPlan command, DecisionBuilder build)
    {
        var state = build.State;
        var programme = ProgrammeOf(state);
        if (command.Lines.Count == 0)
        {
            return Refuse("lines-required", "A plan needs at least one budget line.", "lines");
        }

        for (var i = 0; i < command.Lines.Count; i++)
        {
            var line = command.Lines[i];
            if (line.Amount.Currency != programme.Currency)
            {
                return Refuse("currency-mismatch", $"{programme.Id} pays in {programme.Currency}, not {line.Amount.Currency}.", $"lines[{i}].amount");
            }

            if (line.Amount.Amount <= 0)
            {
                return Refuse("amount-not-positive", "Each budget line needs an amount above zero.", $"lines[{i}].amount");
            }

            if (AmountRules.Check(line.Amount, $"lines[{i}].amount") is { } badAmount)
            {
                return badAmount;
            }
        }

        if (command.Lines.GroupBy(l => l.LineId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return Refuse("duplicate-line", $"The budget line id '{duplicate.Key}' is used twice.", "lines");
        }

        var breaches = PlanCaps.For(programme, state.File!).Check(command.Lines);
        if (breaches.Count > 0)
        {
            return Refuse("plan-over-cap", "The plan is over its caps: " + string.Join("; ", breaches) + ".", "lines");
        }

        var version = (state.Plan?.Version ?? 0) + 1;
        var total = Money.Sum(command.Lines.Select(l => l.Amount), programme.Currency);
        build.Then(new CaseEvent.PlanSubmitted(version, command.Lines, total, command.At))
            .Email(
                EmailTemplate.PlanApprovalRequested, RecipientRole.Agency, build.Link(LinkAction.DecidePlan, version));
        return null;
    }

    // An older version was already refused as superseded (LinkRounds); only a version yet to come is left.
    private static Rejection? CheckPlanVersion(int version, CaseState state) =>
        version == state.Plan!.Version
            ? null
            : Refuse("unknown-plan-version", $"There is no plan version {version}.", "version");

    private static Rejection? ApprovePlan(ApprovePlan command, DecisionBuilder build)
    {
        if (CheckPlanVersion(command.Version, build.State) is { } rejection)
        {
            return rejection;
        }

        build.Then(new CaseEvent.PlanApproved(command.Version, command.Comment, command.At))
            .Email(EmailTemplate.PlanApproved, RecipientRole.Counsellor, round: command.Version);
        return null;
    }

    private static Rejection? RejectPlan(RejectPlan command, DecisionBuilder build)
    {
        if (CheckPlanVersion(command.Version, build.State) is { } rejection)
        {
            return rejection;
        }

        if (string.IsNullOrWhiteSpace(command.Comment))
        {
            return Refuse("comment-required", "Say why the plan is rejected, so it can be revised.", "comment");
        }

        build.Then(new CaseEvent.PlanRejected(command.Version, command.Comment, command.At))
            .Email(EmailTemplate.PlanRejected, RecipientRole.Counsellor, round: command.Version);
        return null;
    }
}
