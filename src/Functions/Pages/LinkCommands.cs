using System.Globalization;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Api;
using Reintegration.Functions.Links;

namespace Reintegration.Functions.Pages;

/// <summary>Turns a link's claims and its form into the command it stands for.</summary>
public static class LinkCommands
{
    public static (CaseCommand? Command, string? Problem) Build(LinkClaims claims, IFormCollection form, string commandId, DateTimeOffset now)
    {
        var caseId = claims.CaseId;
        string? Text(string name, int max) => form[name].ToString() is { Length: > 0 } text ? (text.Length <= max ? text : null) : null;
        switch (claims.Action)
        {
            case LinkAction.DecideEligibility:
                return form["decision"].ToString() switch
                {
                    "eligible" => (new CaseCommand.DecideEligibility(caseId, commandId, now, true, Text("reason", 2000)), null),
                    "not-eligible" when Text("reason", 2000) is { } reason => (new CaseCommand.DecideEligibility(caseId, commandId, now, false, reason), null),
                    "not-eligible" => (null, "Give a reason when the applicant is not eligible."),
                    _ => (null, "Choose eligible or not eligible."),
                };
            case LinkAction.DecidePlan:
                return form["decision"].ToString() switch
                {
                    "approve" => (new CaseCommand.ApprovePlan(caseId, commandId, now, claims.Round, Text("comment", 2000)), null),
                    "reject" when Text("comment", 2000) is { } comment => (new CaseCommand.RejectPlan(caseId, commandId, now, claims.Round, comment), null),
                    "reject" => (null, "Say why the plan is rejected, so it can be revised."),
                    _ => (null, "Choose approve or reject."),
                };
            case LinkAction.ConfirmArrival:
                return DateOnly.TryParseExact(form["arrivedOn"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var arrived)
                    ? (new CaseCommand.ConfirmArrival(caseId, commandId, now, arrived), null)
                    : (null, "Give the arrival date as yyyy-MM-dd.");
            default:
                if (!Choices.TryParse<Situation>(form["economic"].ToString(), out var economic)
                    || !Choices.TryParse<Situation>(form["social"].ToString(), out var social)
                    || !Choices.TryParse<Situation>(form["psychosocial"].ToString(), out var psychosocial))
                {
                    return (null, "Choose the economic, social and psychosocial situation.");
                }

                var notes = form["notes"].ToString();
                if (notes.Length > 4000)
                {
                    return (null, "The notes may hold at most 4000 characters.");
                }

                return (new CaseCommand.SubmitMonitoringReport(caseId, commandId, now, new MonitoringReport(claims.Round, economic, social, psychosocial, notes.Length > 0 ? notes : null, [])), null);
        }
    }
}
