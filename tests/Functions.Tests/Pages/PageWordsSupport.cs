using System.Net;
using System.Text.RegularExpressions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Pages;

namespace Reintegration.Functions.Tests.Pages;

/// <summary>
/// What a rendered page must not show: a word its language lacks (the page's <see cref="Html.UntranslatedHeader"/>),
/// or a raw code of the domain: an enum member's PascalCase name (<c>AirportPickup</c>), a compound enum member or an
/// eligibility rule in kebab case (<c>airport-pickup</c>, <c>serious-crime</c>), and, on a page that is not
/// English, a one-word enum member in any case (<c>approved</c>, <c>Voluntary</c>) or a phrase of the pages' English.
/// </summary>
public static partial class PageWordsSupport
{
    // Currency codes are how amounts are written (DKK 20,000); "Partner", "Plan" and "sent" (late) are Danish words.
    private static readonly HashSet<string> Allowed = ["DKK", "EUR", "Partner", "Plan", "Programme", "Country", "Sent"];

    private static readonly IReadOnlyList<string> EnumNames = new[] { typeof(CaseStage).Assembly, typeof(Html).Assembly }
        .SelectMany(a => a.GetTypes())
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic) && t.Namespace?.StartsWith("Reintegration", StringComparison.Ordinal) == true)
        .SelectMany(Enum.GetNames)
        .Where(n => !Allowed.Contains(n))
        .Distinct()
        .ToList();

    private static readonly IReadOnlyList<string> Compound = [.. EnumNames.Where(n => UpperCase().Count(n) > 1)];

    private static readonly IReadOnlyList<string> Kebabs =
        [.. Compound.Select(Choices.Kebab), .. EligibilityRules.Known.Keys.Where(k => k.Contains('-', StringComparison.Ordinal))];

    private static readonly IReadOnlyList<string> OneWord = [.. EnumNames.Where(n => UpperCase().Count(n) == 1)];

    // The English words of every page group that a language says differently, in pieces between placeholders long
    // enough to be a phrase: a page in that language that shows one took English text past its words.
    private static IReadOnlyList<string> EnglishPhrases(string language) =>
    [
        .. new[] { OfficeTexts.Texts, CaseworkerTexts.Texts, PartnerTexts.Texts, LinkOutcomeTexts.Texts }
            .Where(t => t.ByLanguage.ContainsKey(language))
            .SelectMany(t => t.ByLanguage["en"].Where(e => t.ByLanguage[language].GetValueOrDefault(e.Key) != e.Value))
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(p => p.Trim(' ', ',', '.', ':', ';', '(', ')'))
            .Where(p => p.Length >= 14 && p.Contains(' ', StringComparison.Ordinal))
            .Distinct(),
    ];

    /// <summary>Every fault of one page: untranslated keys and raw codes in its visible text.</summary>
    public static async Task<IReadOnlyList<string>> FaultsAsync(HttpResponseMessage response, string what, string language)
    {
        var faults = new List<string>();
        if (response.Headers.TryGetValues(Html.UntranslatedHeader, out var misses))
        {
            faults.Add($"{what} [{language}] lacks words: {string.Join(", ", misses)}");
        }

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"lang=\"{language}\"", Case.Sensitive, $"{what} is not in {language}");
        var text = VisibleText(html);
        foreach (var name in Compound.Where(n => Regex.IsMatch(text, $@"\b{n}\b")))
        {
            faults.Add($"{what} [{language}] shows the enum name {name}");
        }

        foreach (var kebab in Kebabs.Where(k => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(k)}(?![\w-])")))
        {
            faults.Add($"{what} [{language}] shows the code {kebab}");
        }

        if (language != "en")
        {
            foreach (var phrase in EnglishPhrases(language).Where(p => text.Contains(p, StringComparison.Ordinal)))
            {
                faults.Add($"{what} [{language}] shows the English \"{phrase}\"");
            }

            foreach (var word in OneWord.Where(w => Regex.IsMatch(text, $@"(?<![\w-]){w}(?![\w-])", RegexOptions.IgnoreCase)))
            {
                faults.Add($"{what} [{language}] shows the English enum word {word}");
            }
        }

        return faults;
    }

    /// <summary>What a reader sees or hears: element text and the labels, titles and alt texts, without markup.</summary>
    public static string VisibleText(string html)
    {
        // The dev outbox shows each e-mail in its recipient's language, whatever the page's.
        var withoutMail = MailArticle().Replace(StyleOrScript().Replace(html, " "), " ");
        var attributes = string.Join(" ", SpokenAttribute().Matches(withoutMail).Select(m => m.Groups["value"].Value));
        return WebUtility.HtmlDecode(Tag().Replace(withoutMail, " ") + " " + attributes);
    }

    public static async Task ShouldBeOkAsync(this HttpResponseMessage response, string what) =>
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{what}: {await response.Content.ReadAsStringAsync()}");

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();

    [GeneratedRegex("<(style|script)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<article class=\"mail\">.*?</article>", RegexOptions.Singleline)]
    private static partial Regex MailArticle();

    [GeneratedRegex("\\s(?:title|aria-label|alt|placeholder|data-label)=\"(?<value>[^\"]*)\"")]
    private static partial Regex SpokenAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
