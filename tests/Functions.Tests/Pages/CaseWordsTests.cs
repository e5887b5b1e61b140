using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Localization;

namespace Reintegration.Functions.Tests.Pages;

/// <summary>
/// Everything the domain hands the pages as a code is said in every page language: each event kind, reminder,
/// closure reason, plan status, relationship, service, situation, alert, next deadline, eligibility rule and programme
/// name (pages with cases reach only some of them; these reach all).
/// </summary>
public sealed class CaseWordsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Languages => ["en", "da"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_event_and_every_code_of_the_domain_is_said_in_the_language(string language)
    {
        var w = OfficeTexts.Texts.In(language);
        var money = new Money(100m, Currency.DKK);
        var events = new List<CaseEvent>
        {
            new CaseEvent.EligibilityDecided(true, null, At), new CaseEvent.EligibilityDecided(false, "why", At),
            new CaseEvent.CaseReopened(2, At), new CaseEvent.DepartureBooked(1, new DateOnly(2027, 1, 2), "TK 1", new DateOnly(2026, 12, 28), At),
            new CaseEvent.DepartureCancelled(1, At),
            new CaseEvent.PostArrivalRequested(Enum.GetValues<PostArrivalService>(), money, "notes", At),
            new CaseEvent.ConsentRecorded(At), new CaseEvent.DepartureRecorded(new DateOnly(2027, 1, 2), money, At),
            new CaseEvent.ArrivalConfirmed(new DateOnly(2027, 1, 3), At),
            new CaseEvent.PlanSubmitted(1, [new BudgetLine("l", ServiceCategory.Cash, "d", money)], money, At),
            new CaseEvent.PlanApproved(1, "ok", At), new CaseEvent.PlanRejected(1, "no", At),
            new CaseEvent.MonitoringReportSubmitted(new MonitoringReport(1, Situation.Good, Situation.Fair, Situation.Poor, null, []), At),
            new CaseEvent.FinancialReportSubmitted([new SpentLine("l", ServiceCategory.Cash, money, money)], At),
            new CaseEvent.FinancialReportSubmitted([], At),
            new CaseEvent.PersonalDataErased(At),
        };
        events.AddRange(Enum.GetValues<ClosureReason>().Select(r => new CaseEvent.CaseClosed(r, At)));
        events.AddRange(Enum.GetValues<AlertKind>().Select(k => new CaseEvent.AlertRaised(k, "detail", At)));
        // Every timer kind the domain's timeline names as a reminder (the others never reach the timeline).
        events.AddRange(Enum.GetValues<TimerKind>().Select(k => new CaseEvent.ReminderSent(k, 3, At))
            .Where(e => Timeline.Describe(1, e, Disclosure.Everything).What != e.Kind.ToString()));

        var said = events.Select(e => w.Describe(e, Disclosure.Everything)).ToList();
        said.ShouldAllBe(s => s.What.Length > 0);
        foreach (var status in Enum.GetValues<PlanStatus>())
        {
            w.PlanStatus(status);
        }

        foreach (var relationship in Enum.GetValues<Relationship>())
        {
            w.Relationship(relationship);
        }

        foreach (var rule in EligibilityRules.Known.Keys)
        {
            w.RuleName(rule);
            w.RuleText(rule);
        }

        foreach (var due in new[] { "decision-lapses", "post-arrival-request", "departure", "plan-approval:2", "monitoring-report:3", "financial-report" })
        {
            w.Due(due).ShouldNotContain("{");
        }

        w.Misses.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Each_shipped_programme_is_named_in_every_page_language(string language)
    {
        var w = PartnerTexts.Texts.In(language);
        foreach (var programme in ProgrammeCatalog.Shipped().All)
        {
            w.ProgrammeName(programme).ShouldNotBeNullOrWhiteSpace();
        }

        w.Misses.ShouldBeEmpty();
    }

    [Fact]
    public void The_English_rule_texts_are_the_domains_own()
    {
        var w = OfficeTexts.Texts.In("en");
        EligibilityRules.Known.Values.ShouldAllBe(r => w.RuleText(r.Name) == r.Reason);
    }
}
