using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Intake;

/// <summary>The intake channels, as they take part in a case id.</summary>
public static class IntakeSources
{
    public const string Native = "native";
    public const string Kobo = "kobo";
    public const string Typeform = "typeform";
}

/// <summary>Turns an intake form into the domain's command, idempotently per delivery.</summary>
public static class IntakeCommands
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>
    /// "RC-" and 12 base32 characters (60 bits) of SHA-256 over the source and the delivery id: a sender's retry
    /// maps to the same case and command, which the runtime then treats as a duplicate.
    /// </summary>
    public static string CaseIdFor(string source, string deliveryId)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);

        // Length-prefixed, so ("a:b", "c") and ("a", "b:c") cannot collide.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{source.Length}:{source}|{deliveryId}"));
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 4;
        var id = new StringBuilder("RC-", 15);
        for (var shift = 55; shift >= 0; shift -= 5)
        {
            id.Append(Base32[(int)((bits >> shift) & 31)]);
        }

        return id.ToString();
    }

    /// <param name="receivedAt">When the delivery arrived: the command's time, the workflow's timers' start.</param>
    /// <param name="submittedAt">When the form tool says the form was submitted, if it says (Kobo, Typeform).</param>
    public static CaseCommand.SubmitApplication ToCommand(
        IntakeForm form, string source, string deliveryId, DateTimeOffset receivedAt,
        DateTimeOffset? submittedAt = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var caseId = CaseIdFor(source, deliveryId);
        return new CaseCommand.SubmitApplication(
            caseId, $"{caseId}:intake", receivedAt, form.ProgrammeId, form.Applicant, form.FamilyMembers, form.Nationality,
            form.CountryOfReturn, form.ReturnType, form.PartnerId, form.ConsentToShareWithPartner, form.EligibilityFacts,
            form.Language, form.CounsellingNote, submittedAt);
    }
}
