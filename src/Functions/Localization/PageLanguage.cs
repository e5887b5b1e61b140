using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Reintegration.Functions.Localization;

/// <summary>
/// Picks a page's language: <c>?lang=</c> first, then the browser's Accept-Language, then the programme's or partner's
/// language, then English. Only languages the page group offers are chosen.
/// </summary>
public static class PageLanguage
{
    public const string Fallback = "en";

    public static string Choose(HttpContext http, IReadOnlyCollection<string> offered, string? caseLanguage = null)
    {
        if (Primary(http.Request.Query["lang"].ToString()) is { } asked && offered.Contains(asked))
        {
            return asked;
        }

        if (StringWithQualityHeaderValue.TryParseList([.. http.Request.Headers.AcceptLanguage.Select(v => v ?? string.Empty)], out var accepted))
        {
            foreach (var value in accepted.Where(a => (a.Quality ?? 1) > 0).OrderByDescending(a => a.Quality ?? 1))
            {
                if (Primary(value.Value.ToString()) is { } language && offered.Contains(language))
                {
                    return language;
                }
            }
        }

        return Primary(caseLanguage) is { } preferred && offered.Contains(preferred) ? preferred : Fallback;
    }

    /// <summary>"da-DK" → "da"; null for anything that is not a plain language tag.</summary>
    private static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var primary = tag.Split('-', '_')[0].ToLower(CultureInfo.InvariantCulture);
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
