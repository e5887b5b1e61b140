using System.Globalization;

namespace Reintegration.Functions.Localization;

/// <summary>
/// The words of one group of pages in each of its languages. English is complete; a key missing in another language
/// falls back to English (a test checks that none is missing).
/// </summary>
public sealed class PageTexts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage)
{
    public IReadOnlyCollection<string> Languages => byLanguage.Keys.ToList();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByLanguage => byLanguage;

    /// <summary>These texts with another group's words added (this group's words win), in this group's languages only.</summary>
    public PageTexts With(PageTexts shared) => new(byLanguage.ToDictionary(
        l => l.Key,
        l => (IReadOnlyDictionary<string, string>)(shared.ByLanguage.GetValueOrDefault(l.Key) ?? shared.ByLanguage[PageLanguage.Fallback])
            .Concat(l.Value).GroupBy(w => w.Key).ToDictionary(g => g.Key, g => g.Last().Value)));

    /// <summary>These texts in some of their languages only (a page group that offers fewer languages to some readers).</summary>
    public PageTexts Only(params string[] languages) =>
        new(byLanguage.Where(l => languages.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value));

    public Words In(string language) => new(
        byLanguage.ContainsKey(language) ? language : PageLanguage.Fallback,
        byLanguage.GetValueOrDefault(language) ?? byLanguage[PageLanguage.Fallback],
        byLanguage[PageLanguage.Fallback],
        Languages);
}

/// <summary>
/// The words of one page in one language, with its direction. A key this language lacks is said in English, or as
/// the key itself when English lacks it too; either is a miss, kept in <see cref="Misses"/> (Development pages report
/// them in a response header, and a test renders every page in every language and finds none).
/// </summary>
public sealed class Words(
    string language,
    IReadOnlyDictionary<string, string> words,
    IReadOnlyDictionary<string, string> english,
    IReadOnlyCollection<string> languages)
{
    private readonly HashSet<string> misses = [];

    public string Language => language;

    public string Direction => language == "ar" ? "rtl" : "ltr";

    /// <summary>The languages this page is offered in (for the language switch).</summary>
    public IReadOnlyCollection<string> Languages => languages;

    /// <summary>The keys looked up so far that this language does not say.</summary>
    public IReadOnlyCollection<string> Misses
    {
        get
        {
            lock (misses)
            {
                return [.. misses];
            }
        }
    }

    public string this[string key] => Lookup(key) ?? key;

    /// <summary>Whether this language has its own text for the key (asking is no miss).</summary>
    public bool Has(string key) => words.ContainsKey(key);

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A kebab-case choice (a stage, a situation, a service) by its key under a prefix, e.g. <c>stage.monitoring</c>.</summary>
    public string Choice(string prefix, string kebab) => Lookup($"{prefix}.{kebab}") ?? kebab;

    /// <summary>
    /// A text a programme profile gives per language (a programme's name): this language's, else English, which is a
    /// miss under <paramref name="missKey"/> when this page is not English.
    /// </summary>
    public string FromProfile(string? inLanguage, string english, string missKey)
    {
        if (inLanguage is { Length: > 0 })
        {
            return inLanguage;
        }

        if (language != PageLanguage.Fallback)
        {
            lock (misses)
            {
                misses.Add(missKey);
            }
        }

        return english;
    }

    private string? Lookup(string key)
    {
        if (words.TryGetValue(key, out var word))
        {
            return word;
        }

        lock (misses)
        {
            misses.Add(key);
        }

        return english.GetValueOrDefault(key);
    }
}
