using Reintegration.Domain.Cases;
using Reintegration.Functions.Api;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Turns a link's claims and its form into the command it stands for, or the key of the problem to show. The command
/// carries the link's round (decision round, plan version, booking, month), so the decider refuses a stale link.
/// </summary>
public static class LinkCommands
{
    public const int MaxNotes = 4000;

    /// <summary>The longest reason or comment a caseworker's link takes, as the API.</summary>
    public const int MaxText = 2000;

    public static (CaseCommand? Command, string? Problem) Build(LinkClaims claims, IFormCollection form, string commandId, DateTimeOffset now)
    {
        var caseId = claims.CaseId;
        string? Text(string name) => form[name].ToString() is { Length: > 0 } text ? text : null;

        // A reason or comment over its limit, or with characters that are not text, is refused here, not dropped: a
        // 2,001-character reason was taken as none (an eligible decision lost it; a refusal was asked for one).
        bool Unfit(string name) => form[name].ToString() is { } text
            && (text.Length > MaxText || text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')));
        if ((claims.Action == LinkAction.DecideEligibility && Unfit("reason")) || (claims.Action == LinkAction.DecidePlan && Unfit("comment")))
        {
            return (null, "problem.text-long");
        }

        switch (claims.Action)
        {
            case LinkAction.DecideEligibility:
                return form["decision"].ToString() switch
                {
                    "eligible" =>
                        (new CaseCommand.DecideEligibility(caseId, commandId, now, true, Text("reason"), claims.Round), null),
                    "not-eligible" when Text("reason") is { } reason =>
                        (new CaseCommand.DecideEligibility(caseId, commandId, now, false, reason, claims.Round), null),
                    "not-eligible" => (null, "problem.reason-required"),
                    _ => (null, "problem.choose-eligibility"),
                };
            case LinkAction.DecidePlan:
                return form["decision"].ToString() switch
                {
                    "approve" => (new CaseCommand.ApprovePlan(caseId, commandId, now, claims.Round, Text("comment")), null),
                    "reject" when Text("comment") is { } comment => (new CaseCommand.RejectPlan(caseId, commandId, now, claims.Round, comment), null),
                    "reject" => (null, "problem.comment-required"),
                    _ => (null, "problem.choose-plan"),
                };
            case LinkAction.ConfirmArrival:
                return IsoDate.TryParse(form["arrivedOn"].ToString(), out var arrived)
                    ? (new CaseCommand.ConfirmArrival(caseId, commandId, now, arrived, claims.Round), null)
                    : (null, "problem.arrival-date");
            default:
                if (!Choices.TryParse<Situation>(form["economic"].ToString(), out var economic)
                    || !Choices.TryParse<Situation>(form["social"].ToString(), out var social)
                    || !Choices.TryParse<Situation>(form["psychosocial"].ToString(), out var psychosocial))
                {
                    return (null, "problem.situations");
                }

                var notes = form["notes"].ToString();
                if (notes.Length > MaxNotes)
                {
                    return (null, "problem.notes-long");
                }

                return (new CaseCommand.SubmitMonitoringReport(caseId, commandId, now, new MonitoringReport(claims.Round, economic, social, psychosocial, notes.Length > 0 ? notes : null, [])), null);
        }
    }
}
