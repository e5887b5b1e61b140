using System.Security.Cryptography;
using System.Text;
using Reintegration.Domain.Budget;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Cases;

/// <summary>
/// Keeps personal data out of a case's orchestration: before a command enters it, its names, dates of birth and free
/// text are swapped for placeholders (<c>⟦3f9a…⟧</c>) and kept apart as secrets, which the read model puts back.
/// Every person's name is sealed, blank or not (names are required at the edge; no rule reads them). A date of birth
/// becomes a stand-in that is never the real date and decides as the real one does (<see cref="StandInBirthDate"/>).
/// Other blank text is left as it is, so "required" rules still see it. What
/// <see cref="PersonalData.Redact(CaseEvent)"/> erases is sealed.
/// </summary>
public static class Sealing
{
    private const char Open = '⟦';
    private const char Close = '⟧';

    /// <summary>True for a placeholder made by <see cref="Seal"/>.</summary>
    public static bool IsPlaceholder(string? text) =>
        text is { Length: > 2 } && text[0] == Open && text[^1] == Close;

    /// <summary>The placeholder of a person's date of birth, kept beside the one of the person's name.</summary>
    public static string BirthDateOf(string namePlaceholder) => Placeholder(namePlaceholder, "dob");

    /// <summary>The command with its personal fields swapped for placeholders, and the placeholders' values.</summary>
    public static (CaseCommand Command, IReadOnlyDictionary<string, string> Secrets) Seal(CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = command.CommandId;
        var day = Calendar.Deadline.DateOf(command.At);

        string? Text(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            var placeholder = Placeholder(id, field);
            secrets[placeholder] = value;
            return placeholder;
        }

        // Ages count on the application's day (the form's, when it came late), as the decider counts them.
        var agesOn = command is SubmitApplication application ? Calendar.Deadline.DateOf(application.SubmittedAt()) : day;

        Person SealPerson(Person person, int index)
        {
            var name = Placeholder(id, $"person{index}");
            secrets[name] = person.Name;
            secrets[BirthDateOf(name)] = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return person with { Name = name, DateOfBirth = StandInBirthDate(person.DateOfBirth, agesOn, day) };
        }

        CaseCommand result = command switch
        {
            SubmitApplication c => c with
            {
                Applicant = SealPerson(c.Applicant, 0),
                FamilyMembers = [.. c.FamilyMembers.Select((p, i) => SealPerson(p, i + 1))],
                CounsellingNote = Text(c.CounsellingNote, "note"),
            },
            DecideEligibility c => c with { Reason = Text(c.Reason, "reason") },
            BookDeparture c => c with { Flight = Text(c.Flight, "flight") },
            RequestPostArrival c => c with { Notes = Text(c.Notes, "notes") },
            SubmitPlan c => c with { Lines = [.. c.Lines.Select(l => SealLine(l, Text))] },
            ApprovePlan c => c with { Comment = Text(c.Comment, "comment") },
            RejectPlan c => c with { Comment = Text(c.Comment, "comment") ?? c.Comment },
            SubmitMonitoringReport c => c with { Report = c.Report with { Notes = Text(c.Report.Notes, "notes") } },
            RaiseAlert c => c with { Detail = Text(c.Detail, "detail") ?? c.Detail },
            _ => command,
        };
        return (result, secrets);
    }

    /// <summary>
    /// A date of birth that is never <paramref name="born"/> and that the intake rules judge as they judge it: in the
    /// future of <paramref name="received"/> exactly when the real one is, and on <paramref name="agesOn"/> (the
    /// application's day, where ages count) the same age in years, or for someone born between the form and its
    /// receipt, a minor as well (age 0 for the real date's −1).
    /// </summary>
    public static DateOnly StandInBirthDate(DateOnly born, DateOnly agesOn, DateOnly received)
    {
        if (born > received)
        {
            return received.AddDays(born == received.AddDays(1) ? 2 : 1);
        }

        if (born > agesOn)
        {
            return agesOn;
        }

        // Born the day the person turned this age, or, when that is the real date, a day earlier (a birthday the day
        // before: the same age, also across 29 February, which a year's arithmetic is not).
        var turned = agesOn.AddYears(-Person.Age(born, agesOn));
        return turned != born ? turned : turned.AddDays(-1);
    }

    private static BudgetLine SealLine(BudgetLine line, Func<string?, string, string?> text) =>
        line with { Description = text(line.Description, "line:" + line.LineId) ?? line.Description };

    // Short and fixed in length, whatever the command id: length rules on the field stay meaningful.
    private static string Placeholder(string owner, string field)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(owner + "#" + field));
        return Open + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + Close;
    }
}
