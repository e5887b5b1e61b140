using System.Net.Mail;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Email;

/// <summary>
/// Who gets the case e-mails (section <c>Email</c>): one address per role (<c>Email:Recipients:Counsellor</c>,
/// <c>:Agency</c>, <c>:ProgrammeOfficer</c>) and one per partner (<c>Email:Partners:{partnerId}</c>).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailRecipientOptions Recipients { get; set; } = new();

    public Dictionary<string, string> Partners { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string AddressFor(RecipientRole role)
    {
        var address = role switch
        {
            RecipientRole.Counsellor => Recipients.Counsellor,
            RecipientRole.Agency => Recipients.Agency,
            RecipientRole.ProgrammeOfficer => Recipients.ProgrammeOfficer,
            _ => throw new InvalidOperationException($"E-mails to the {role} role need a partner id: they go out as partner notices."),
        };
        return Checked(address, $"Email:Recipients:{role}");
    }

    /// <summary>App setting names on Azure allow no '-': a partner id's dashes may be written as underscores there.</summary>
    public string AddressForPartner(string partnerId) =>
        Checked(Partners.GetValueOrDefault(partnerId) ?? Partners.GetValueOrDefault(partnerId.Replace('-', '_')), $"Email:Partners:{partnerId.Replace('-', '_')}");

    /// <summary>Names the configuration key, never the address, so the message is safe to log.</summary>
    private static string Checked(string? address, string key) =>
        string.IsNullOrWhiteSpace(address)
            ? throw new InvalidOperationException($"No e-mail address is configured at {key}.")
            : MailAddress.TryCreate(address.Trim(), out var parsed) && parsed.DisplayName.Length == 0
                ? parsed.Address
                : throw new InvalidOperationException($"The e-mail address at {key} is not a plain address.");
}

/// <summary>The role addresses, usually shared team mailboxes.</summary>
public sealed class EmailRecipientOptions
{
    public string? Counsellor { get; set; }

    public string? Agency { get; set; }

    public string? ProgrammeOfficer { get; set; }
}
