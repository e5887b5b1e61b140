using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Email;

/// <summary>What one e-mail says: its subject and its lead paragraph.</summary>
internal sealed record EmailWording(string Subject, string Lead);

/// <summary>The words every e-mail of one language shares.</summary>
internal sealed record EmailPhrases(
    string Language,
    bool RightToLeft,
    string Case,
    string ValidUntil,
    string Comment,
    string ConfirmFirst,
    string Footer,
    IReadOnlyDictionary<LinkAction, string> LinkLabels);

/// <summary>Picks the language an e-mail is written in: the one asked for when its wording exists, English otherwise.</summary>
internal static class EmailLanguage
{
    public const string Fallback = "en";

    public static string Pick<TKey>(string? requested, IReadOnlyDictionary<string, IReadOnlyDictionary<TKey, EmailWording>> texts, TKey key)
    {
        // "da-DK" and "DA" both mean Danish.
        var primary = (requested ?? string.Empty).Split('-', '_')[0].Trim().ToLowerInvariant();
        return texts.TryGetValue(primary, out var byKey) && byKey.ContainsKey(key) ? primary : Fallback;
    }
}
