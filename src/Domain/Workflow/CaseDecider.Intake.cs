using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>Stages 1 to 3: intake, eligibility pre-check, the agency's decision and its wait.</summary>
public sealed partial class CaseDecider
{
    private Decision Intake(SubmitApplication command, CaseState state)
    {
        if (programmes.Find(command.ProgrammeId) is not { } programme)
        {
            return Decision.Reject("unknown-programme", $"There is no programme '{command.ProgrammeId}'.", "programmeId");
        }

        var rejection = CheckIntake(command, programme);
        if (rejection is not null)
        {
            return new Decision([], [], rejection);
        }

        // The workflow's timers run from the receipt (command.At), so an old form does not arrive with its reminders
        // already due; the file is dated by the application's own time.
        var submittedAt = command.SubmittedAt();
        var partner = command.PartnerId is null ? programme.PartnerIn(command.CountryOfReturn) : programme.PartnerById(command.PartnerId);
        var file = new CaseFile(
            programme.Id, command.Applicant, command.FamilyMembers, command.Nationality.ToUpperInvariant(), command.CountryOfReturn.ToUpperInvariant(),
            command.ReturnType, partner?.Id, command.ConsentToShareWithPartner, command.Facts, command.Language ?? programme.Language,
            command.CounsellingNote, Deadline.DateOf(submittedAt));
        var preCheck = PreCheck.Run(new EligibilityContext(command.Facts, file.Nationality, command.ReturnType, programme));
        var build = new DecisionBuilder(state, programme, command)
            .Then(new CaseEvent.ApplicationSubmitted(command.CaseId, file, preCheck, submittedAt, command.At));
        StartDecisionWait(build, round: 1);
        return build.Build();
    }

    private static Rejection? CheckIntake(SubmitApplication command, Programme programme)
    {
        if (!programme.ReturnTypes.Contains(command.ReturnType))
        {
            return Refuse("return-type-not-in-programme", $"{programme.Id} does not support {command.ReturnType} returns.", "returnType");
        }

        if (command.PartnerId is { } partnerId
            && (programme.PartnerById(partnerId) is not { } named || !string.Equals(named.Country, command.CountryOfReturn, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("unknown-partner", $"{programme.Id} has no partner '{partnerId}' in {command.CountryOfReturn}.", "partnerId");
        }

        var today = Deadline.DateOf(command.At);
        var applied = Deadline.DateOf(command.SubmittedAt()); // ages count on the application's day, as the file's do
        var people = command.FamilyMembers.Prepend(command.Applicant).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var field = i == 0 ? "applicant.dateOfBirth" : $"familyMembers[{i - 1}].dateOfBirth";
            if (people[i].DateOfBirth > today)
            {
                return Refuse("date-of-birth-in-future", "The date of birth is in the future." /* no date: the orchestration sees a stand-in (Sealing) */, field);
            }

            if (i > 0 && programme.AdultChildrenApplySeparately && people[i].Relationship == Relationship.Child
                && !people[i].IsMinorOn(applied))
            {
                return Refuse(
                    "adult-child-applies-separately",
                    $"Family member {i} is an adult child ({people[i].AgeOn(applied)}): "
                    + "adult children apply separately.",
                    field);
            }
        }

        return null;
    }

    // The decision wait's reminder, escalations and lapse are set by the wait itself (WaitingStages).
    private static void StartDecisionWait(DecisionBuilder build, int round) =>
        build.Email(
            EmailTemplate.DecisionRequested, RecipientRole.Agency, build.Link(LinkAction.DecideEligibility, round));

    private static Rejection? DecideEligibility(DecideEligibility command, DecisionBuilder build)
    {
        if (!command.Eligible && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse("reason-required", "A refusal needs a reason the counsellor can explain.", "reason");
        }

        build.Then(new CaseEvent.EligibilityDecided(command.Eligible, command.Reason, command.At))
            .Email(EmailTemplate.DecisionMade, RecipientRole.Counsellor);
        return null;
    }

    private Rejection? Reopen(ReopenCase command, DecisionBuilder build)
    {
        if (build.State.Closure is not (ClosureReason.Lapsed or ClosureReason.NotTravelled))
        {
            return Refuse(
                "only-lapsed-cases-reopen",
                $"Only a lapsed or not-travelled case can be reopened; this one was closed as {build.State.Closure}.");
        }

        var round = build.State.DecisionRound + 1;
        build.Then(new CaseEvent.CaseReopened(round, command.At));
        StartDecisionWait(build, round);
        return null;
    }
}
