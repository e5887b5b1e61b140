using Reintegration.Functions.Localization;

namespace Reintegration.Browser.Tests;

/// <summary>No browser needed: every page group says every one of its words in every language it offers.</summary>
public sealed class PageTextsTests
{
    public static TheoryData<string> Groups => ["caseworker", "partner", "office", "link-outcome"];

    private static PageTexts Of(string group) => group switch
    {
        "caseworker" => CaseworkerTexts.Texts,
        "partner" => PartnerTexts.Texts,
        "office" => OfficeTexts.Texts,
        _ => LinkOutcomeTexts.Texts,
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void Given_a_page_group_When_its_languages_are_compared_with_English_Then_no_word_is_missing(string group)
    {
        var texts = Of(group);
        var english = texts.ByLanguage["en"].Keys.ToHashSet();
        foreach (var (language, words) in texts.ByLanguage)
        {
            english.Except(words.Keys).ShouldBeEmpty($"{group} in {language}");
            words.Keys.Except(english).Where(k => !IsRefusal(k))
                .ShouldBeEmpty($"{group} in {language} has words English lacks");
        }
    }

    // English pages say a refusal in the domain's own sentence; every other language says each one by its code.
    [Fact]
    public void Given_the_signed_in_pages_Then_every_language_but_English_says_every_refusal_Danish_says()
    {
        var danish = OfficeTexts.Texts.ByLanguage["da"].Keys.Where(IsRefusal).ToList();
        danish.ShouldNotBeEmpty();
        foreach (var language in new[] { "fr", "ar" })
        {
            OfficeTexts.Texts.ByLanguage[language].Keys.Where(IsRefusal).ShouldBe(danish, ignoreOrder: true, language);
        }
    }

    private static bool IsRefusal(string key) => key.StartsWith("refusal.", StringComparison.Ordinal);

    [Fact]
    public void Given_the_page_groups_Then_people_pages_speak_English_and_Danish_and_partner_pages_also_French_and_Arabic()
    {
        CaseworkerTexts.Texts.Languages.ShouldBe(["en", "da"], ignoreOrder: true);
        OfficeTexts.Texts.Languages.ShouldBe(["en", "da", "fr", "ar"], ignoreOrder: true);
        OfficeTexts.Texts.In("ar").Direction.ShouldBe("rtl");
        PartnerTexts.Texts.Languages.ShouldBe(["en", "da", "fr", "ar"], ignoreOrder: true);
        PartnerTexts.Texts.In("ar").Direction.ShouldBe("rtl");
        PartnerTexts.Texts.In("fr").Direction.ShouldBe("ltr");
    }
}
