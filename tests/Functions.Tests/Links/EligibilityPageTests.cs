using System.Net;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Links;

/// <summary>The agency's decision page says what the pre-check found and shows the family with their ages (issue 13, item 8).</summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class EligibilityPageTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    [Theory]
    [InlineData("en", "Flagged", "Serious crime", "found a minor conviction", "Child: Grace, 9 years old on the application date")]
    [InlineData("da", "Markeret", "Alvorlig kriminalitet", "fundet en mindre dom", "Barn: Grace, 9 år på ansøgningsdatoen")]
    public async Task A_minor_conviction_is_shown_as_found_under_its_rule_beside_the_family_and_their_ages(
        string language, string flagged, string rule, string found, string child)
    {
        var caseId = "elig-page-" + language;
        var at = App.Clock.GetUtcNow();
        var result = await App.Get<ICaseCommands>().HandleAsync(new CaseCommand.SubmitApplication(
            caseId, $"{caseId}-intake", at, "drc-denmark", new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
            [new Person("Grace", DateOnly.FromDateTime(at.UtcDateTime).AddYears(-9).AddDays(-1), Relationship.Child, false)],
            "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean() with { Conviction = Conviction.Minor }, null, null), null);
        result.Rejection.ShouldBeNull();
        var token = await azurite.LinkTokenAsync(caseId, "/links/");

        var response = await App.CreateClient().GetAsync($"/links/{token}?lang={language}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain($"{flagged} <strong data-rule=\"serious-crime\">{rule}</strong>: {found}");
        page.ShouldContain(child);
        page.ShouldContain("Amina");
    }
}
