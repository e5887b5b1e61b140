using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;
using static Reintegration.Domain.Cases.CaseEvent;

namespace Reintegration.Functions.Tests.Security;

/// <summary>
/// Every role reads a case whose history holds every kind of event, each carrying what some role must not see, on the
/// JSON API and on the case page: the timeline follows the same rules as the rest of the view.
/// </summary>
public sealed partial class CaseDisclosureTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] PreCheck = ["serious-crime", "open-residence-permit-case", "pre-check"];
    private static readonly string[] Reason = ["REASON-7Q"];
    private static readonly string[] Note = ["NOTE-7Q"];
    private static readonly string[] Names = ["Amina", "Kato", "1990-03-14"];
    private static readonly string[] FreeText =
        ["COMMENT-R", "COMMENT-A", "LINE-7Q", "bounced-7Q", "NOTES-PA", "NOTES-M", "monitoring-1-feed"];

    public static TheoryData<string, bool> Readers => new()
    {
        { "dev-counsellor-key", false }, { "dev-counsellor-key", true },
        { "dev-agency-key", false }, { "dev-agency-key", true },
        { "dev-partner-ug-key", false }, { "dev-partner-ug-key", true },
        { "dev-officer-key", false }, { "dev-officer-key", true },
    };

    private static string[] Hidden(string key) => key switch
    {
        "dev-counsellor-key" => [],
        "dev-agency-key" => Note,
        "dev-partner-ug-key" => [.. PreCheck, .. Reason, .. Note],
        _ => [.. PreCheck, .. Reason, .. Note, .. Names, .. FreeText],
    };

    // What each role must still read in the timeline, so the test cannot pass by showing nothing.
    private static string[] Shown(string key) => key switch
    {
        "dev-counsellor-key" or "dev-agency-key" => ["serious-crime", "REASON-7Q", "COMMENT-R", "bounced-7Q"],
        "dev-partner-ug-key" => ["COMMENT-R", "COMMENT-A", "bounced-7Q"],
        _ => ["Plan version 1 rejected", "Alert: EmailBounced", "Found eligible"],
    };

    [Fact]
    public void The_history_holds_every_kind_of_event() =>
        History("kinds", erased: true).Select(e => e.GetType()).Distinct()
            .ShouldBe(
                typeof(CaseEvent).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(CaseEvent))), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Each_role_reads_each_event_only_as_its_view_allows_on_the_json(string key, bool erased)
    {
        var (id, events) = await SeedAsync($"json-{key[4..^4]}", erased);
        var body = await app.As(key).GetStringAsync($"/api/cases/{id}");
        var timeline = JsonDocument.Parse(body).RootElement.GetProperty("timeline").EnumerateArray()
            .ToDictionary(
                t => t.GetProperty("version").GetInt64(),
                t => t.GetProperty("what").GetString() + " " + t.GetProperty("detail").GetString());
        for (var version = 1; version <= events.Count; version++)
        {
            var kind = events[version - 1].GetType().Name;
            timeline.ShouldContainKey((long)version, $"{kind} is missing from the timeline");
            foreach (var secret in Hidden(key))
            {
                timeline[version].ShouldNotContain(secret, Case.Sensitive, $"{key} reads '{secret}' in {kind}");
            }
        }

        Hidden(key).ShouldAllBe(secret => !body.Contains(secret, StringComparison.Ordinal));
        Shown(key).ShouldAllBe(text => timeline.Values.Any(t => t.Contains(text, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Each_role_reads_each_event_only_as_its_view_allows_on_the_case_page(string key, bool erased)
    {
        var (id, events) = await SeedAsync($"page-{key[4..^4]}", erased);
        var page = await app.SignedInAsync(key);
        var response = await page.GetAsync($"/pages/cases/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var lines = Events().Match(html).Groups[1].Value.Split("<li>", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            foreach (var secret in Hidden(key))
            {
                var kind = events[i].GetType().Name;
                lines[i].ShouldNotContain(secret, Case.Sensitive, $"{key} reads '{secret}' in {kind}");
            }
        }

        Hidden(key).ShouldAllBe(secret => !html.Contains(secret, StringComparison.Ordinal));
        Shown(key).Select(OnPage).ShouldAllBe(text => lines.Any(l => l.Contains(text, StringComparison.Ordinal)));
    }

    // The page says rule names and alert kinds in words; the API keeps their codes.
    private static string OnPage(string text) => text switch
    {
        "serious-crime" => "Serious crime",
        "Alert: EmailBounced" => "Alert: an e-mail bounced",
        _ => text,
    };

    [Fact]
    public async Task The_officer_reads_the_plan_without_its_descriptions_and_comment_and_the_partner_with_them()
    {
        var (id, _) = await SeedAsync("plan", erased: false);
        var officer = (await app.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("plan");
        officer.TryGetProperty("comment", out _).ShouldBeFalse();
        officer.GetProperty("lines")[0].TryGetProperty("description", out _).ShouldBeFalse();
        officer.GetProperty("lines")[0].GetProperty("amount").GetProperty("amount").GetDecimal().ShouldBe(6000m);
        var partner = (await app.PartnerUganda.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("plan");
        partner.GetProperty("comment").GetString().ShouldBe("COMMENT-A for Grace Kato");
        partner.GetProperty("lines")[0].GetProperty("description").GetString()
            .ShouldBe("LINE-7Q school for Grace Kato");
    }

    private async Task<(string Id, IReadOnlyList<CaseEvent> Events)> SeedAsync(string name, bool erased)
    {
        var id = $"disclose-{name}-{(erased ? "erased" : "live")}";
        var events = History(id, erased);
        var recorded = events.Select((e, i) => new RecordedEvent(i + 1, e)).ToList();
        var state = CaseEvolution.Replay(id, events);
        await app.Get<ICaseReadModel>().ProjectAsync(state, recorded);
        return (id, events);
    }

    // Not through the decider: one history with every kind of event and every kind of secret a role may not read.
    // The erased variant is the window before the erasure effect has rewritten the stored events.
    private static List<CaseEvent> History(string id, bool erased)
    {
        var t = AppFactory.Start;
        var day = DateOnly.FromDateTime(t.UtcDateTime);
        var facts = EligibilityFacts.Clean() with { Conviction = Conviction.Minor, OpenResidencePermitCase = true };
        var applicant = new Person("Amina Kato", new DateOnly(1990, 3, 14), Relationship.Applicant, false);
        var child = new Person("Grace Kato", new DateOnly(2015, 6, 1), Relationship.Child, false);
        var file = new CaseFile("drc-denmark", applicant, [child], "UG", "UG", ReturnType.Voluntary,
            "ug-reach-out", true, facts, "en", "NOTE-7Q the counsellor's own", day);
        var fees = new Money(6000m, Currency.DKK);
        var check = new PreCheckResult([new RuleFinding("open-residence-permit-case", "has an ongoing application")],
            [new RuleFinding("serious-crime", "a minor conviction")]);
        BudgetLine Line(string text) => new("l1", ServiceCategory.Education, text, fees);
        var history = new List<CaseEvent>
        {
            new ApplicationSubmitted(id, file, check, t),
            new ReminderSent(TimerKind.DecisionReminder, 1, t.AddDays(5)),
            new ReminderSent(TimerKind.DecisionEscalation, 1, t.AddDays(10)),
            new CaseClosed(ClosureReason.Lapsed, t.AddDays(14)),
            new CaseReopened(2, t.AddDays(15)),
            new EligibilityDecided(true, "REASON-7Q a police record of Amina Kato", t.AddDays(16)),
            new DepartureBooked(1, day.AddDays(40), "TK 1953", day.AddDays(35), t.AddDays(17)),
            new DepartureCancelled(2, t.AddDays(18)),
            new ConsentRecorded(t.AddDays(19)),
            new PostArrivalRequested(
                [PostArrivalService.AirportPickup], null, "NOTES-PA Grace Kato needs a wheelchair", t.AddDays(20)),
            new DepartureRecorded(day.AddDays(40), new Money(1000m, Currency.DKK), t.AddDays(40)),
            new ArrivalConfirmed(day.AddDays(41), t.AddDays(41)),
            new PlanSubmitted(1, [Line("LINE-7Q school for Grace Kato")], fees, t.AddDays(50)),
            new PlanRejected(1, "COMMENT-R ask Amina Kato for the fees", t.AddDays(51)),
            new PlanSubmitted(2, [Line("LINE-7Q school for Grace Kato")], fees, t.AddDays(52)),
            new PlanApproved(2, "COMMENT-A for Grace Kato", t.AddDays(53)),
            new MonitoringReportSubmitted(new MonitoringReport(1, Situation.Fair, Situation.Good, Situation.Poor,
                "NOTES-M Grace Kato started school", ["monitoring-1-feed"]), t.AddDays(72)),
            new AlertRaised(AlertKind.EmailBounced, "bounced-7Q: amina.kato@example.org does not exist", t.AddDays(73)),
            new FinancialReportSubmitted([new SpentLine("l1", ServiceCategory.Education, new Money(6000m, Currency.DKK),
                new Money(5800m, Currency.DKK))], t.AddDays(400)),
            new CaseClosed(ClosureReason.Completed, t.AddDays(401)),
        };
        if (erased)
        {
            history.Add(new PersonalDataErased(t.AddDays(402)));
        }

        return history;
    }

    [GeneratedRegex("<ol class=\"events\">(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex Events();
}
