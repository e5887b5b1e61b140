using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Links;

/// <summary>What a signed link allows: one action on one case, for one round, until it expires (whole seconds).</summary>
public sealed record LinkClaims(string CaseId, LinkAction Action, int Round, DateTimeOffset ExpiresAt)
{
    public static LinkClaims For(string caseId, LinkIntent intent) => new(caseId, intent.Action, intent.Round, intent.ExpiresAt);

    /// <summary>
    /// A deterministic id for the act the link stands for (case, action, round), usable as the command id of the POST:
    /// a reused link, or the reminder's link for the same round, is then a duplicate command. Neither the expiry nor
    /// the signing key changes it.
    /// </summary>
    public string TokenId
    {
        get
        {
            var act = string.Create(CultureInfo.InvariantCulture, $"{CaseId.Length}:{CaseId}:{Action}:{Round}");
            return "link:" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(act)));
        }
    }
}
