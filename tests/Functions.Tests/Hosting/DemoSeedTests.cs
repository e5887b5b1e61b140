using System.Net;
using System.Text.RegularExpressions;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Hosting;

/// <summary>The README's demo: Development with <c>Demo:Seed</c>, read from the dev outbox as a newcomer would.</summary>
public sealed partial class DemoSeedTests(DemoSeedTests.DemoApp app)
    : IClassFixture<DemoSeedTests.DemoApp>
{
    [GeneratedRegex(@"https?://[^\s<>""]+/links/[^\s<>""]+")]
    private static partial Regex LinkUrl();

    [Fact]
    public async Task Given_the_seeded_demo_When_each_link_in_the_dev_outbox_is_opened_Then_none_has_expired()
    {
        var emails = await app.Get<IDevOutbox>().ListAsync();
        var links = emails.SelectMany(e => LinkUrl().Matches(e.Message.Text).Select(m => new Uri(m.Value))).ToList();
        emails.Select(e => e.Message.CaseId).Distinct()
            .ShouldBe([DemoSeed.WaitingForDecision, DemoSeed.WaitingForPlanApproval], ignoreOrder: true);
        links.Count.ShouldBeGreaterThanOrEqualTo(3);

        var client = app.CreateClient();
        foreach (var link in links)
        {
            var page = await client.GetAsync(link.PathAndQuery);
            var body = await page.Content.ReadAsStringAsync();
            page.StatusCode.ShouldNotBe(HttpStatusCode.Gone, $"{link.AbsolutePath[..16]}… has expired");
            page.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
            body.ShouldNotContain("expired", Case.Insensitive);
        }
    }

    /// <summary>The app in Development with the demo seeded at the test clock's start.</summary>
    public sealed class DemoApp : AppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Demo:Seed"] = "true";
                return settings;
            }
        }
    }
}
