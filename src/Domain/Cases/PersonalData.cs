using static Reintegration.Domain.Cases.CaseEvent;

namespace Reintegration.Domain.Cases;

/// <summary>
/// GDPR erasure: what an event looks like once the person is erased. Names, exact dates of birth, free text (the
/// counselling note, reasons, comments, notes, descriptions, the flight), the eligibility facts and the pre-check go;
/// what the anonymous statistics need stays:
/// programme, countries, stages and dates, money, the family's count of adults and minors on the application date.
/// </summary>
public static class PersonalData
{
    public const string Erased = "(erased)";

    public static CaseEvent Redact(CaseEvent @event) => @event switch
    {
        ApplicationSubmitted e => e with { File = Redact(e.File), PreCheck = null },
        EligibilityDecided e => e with { Reason = e.Reason is null ? null : Erased },
        DepartureBooked e => e with { Flight = null },
        PostArrivalRequested e => e with { Notes = null },
        PlanSubmitted e => e with { Lines = [.. e.Lines.Select(l => l with { Description = Erased })] },
        PlanApproved e => e with { Comment = e.Comment is null ? null : Erased },
        PlanRejected e => e with { Comment = Erased },
        MonitoringReportSubmitted e => e with { Report = e.Report with { Notes = null, AttachmentIds = [] } },
        AlertRaised e => e with { Detail = Erased },
        _ => @event,
    };

    private static CaseFile Redact(CaseFile file) => file with
    {
        Applicant = Redact(file.Applicant, file.SubmittedOn),
        FamilyMembers = [.. file.FamilyMembers.Select(p => Redact(p, file.SubmittedOn))],
        CounsellingNote = null,
        Facts = null,
    };

    // A stand-in birth date that keeps the person a minor or an adult on the application date, and nothing more.
    private static Person Redact(Person person, DateOnly submittedOn) =>
        person with { Name = Erased, DateOfBirth = submittedOn.AddYears(person.IsMinorOn(submittedOn) ? -10 : -30) };
}
