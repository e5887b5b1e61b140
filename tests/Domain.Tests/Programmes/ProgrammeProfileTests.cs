using Reintegration.Domain.Programmes;
using Reintegration.Domain.Tests.Support;

namespace Reintegration.Domain.Tests.Programmes;

public class ProgrammeProfileTests
{
    private const string Valid = """
        {
          "id": "test", "name": "Test", "currency": "EUR", "language": "en", "returnTypes": ["voluntary"],
          "adultChildrenApplySeparately": false,
          "eligibility": { "rules": ["voluntary-return"] },
          "caps": { "postReturn": [{ "perAdult": 100, "perMinor": 50 }], "travelCashPerPerson": 0, "cashAtDepartureWithoutPartnerPerPerson": 0 },
          "deadlines": {
            "postArrivalRequestBeforeDeparture": { "days": 5, "count": "working" }, "postArrivalReminderDaysBeforeDeadline": 2,
            "waits": {
              "decision": {
                "reminderAfterDays": 5, "escalationAfterDays": 10, "escalationEveryDays": 7, "endAfterDays": 14
              },
              "departure": {
                "reminderAfterDays": 30, "escalationAfterDays": 60, "escalationEveryDays": 30, "endAfterDays": 180
              },
              "arrival": {
                "reminderAfterDays": 3, "escalationAfterDays": 7, "escalationEveryDays": 7, "endAfterDays": 30
              },
              "plan": {
                "reminderAfterDays": 14, "escalationAfterDays": 30, "escalationEveryDays": 14, "endAfterDays": 90
              },
              "planApproval": {
                "reminderAfterDays": 3, "escalationAfterDays": 7, "escalationEveryDays": 7, "endAfterDays": 60
              },
              "financialReport": {
                "reminderAfterDays": 14, "escalationAfterDays": 30, "escalationEveryDays": 14, "endAfterDays": 90
              },
              "completion": {
                "reminderAfterDays": 7, "escalationAfterDays": 14, "escalationEveryDays": 14, "endAfterDays": 30
              }
            },
            "monitoringMonths": 12, "monitoringReportOverdueAfterDays": 14, "linkValidityDays": 14
          },
          "partners": []
        }
        """;

    [Fact]
    public void Shipped_profiles_load_with_their_published_figures()
    {
        var drc = CaseSpec.Programmes.Get("drc-denmark");
        drc.Currency.ShouldBe(Currency.DKK);
        drc.Caps.PostReturnFor(ReturnType.Voluntary, "UG")!.PerAdult.ShouldBe(20000m);
        drc.Caps.PostReturnFor(ReturnType.Voluntary, "SO")!.PerAdult.ShouldBe(30000m);
        drc.Caps.CashAtDepartureWithoutPartnerPerPerson.ShouldBe(20000m);
        drc.Eligibility.Rules.Count.ShouldBe(11);

        var eurp = CaseSpec.Programmes.Get("eu-eurp");
        eurp.Currency.ShouldBe(Currency.EUR);
        eurp.Caps.PostArrivalFor(ReturnType.Voluntary)!.PerPerson.ShouldBe(615m);
        eurp.Caps.PostArrivalFor(ReturnType.Forced)!.PerPerson.ShouldBe(205m);
        eurp.Caps.PostReturnFor(ReturnType.Forced, "IQ")!.PerAdult.ShouldBe(1000m);
        eurp.Deadlines.PostArrivalRequestBeforeDeparture.Days.ShouldBe(5);
    }

    [Fact]
    public void Valid_profile_parses_with_working_days()
    {
        var programme = ProgrammeProfile.Parse("test.json", Valid);
        programme.Deadlines.PostArrivalRequestBeforeDeparture.Count.ShouldBe(DayCount.Working);
    }

    [Fact]
    public void Invalid_profile_names_the_file_every_field_and_the_reason()
    {
        var broken = Valid
            .Replace("\"EUR\"", "\"USD\"", StringComparison.Ordinal)
            .Replace("\"voluntary-return\"", "\"no-such-rule\"", StringComparison.Ordinal)
            .Replace("\"endAfterDays\": 14", "\"endAfterDays\": \"soon\"", StringComparison.Ordinal)
            .Replace("\"count\": \"working\"", "\"count\": \"lunar\"", StringComparison.Ordinal);

        var error = Should.Throw<ProgrammeProfileException>(() => ProgrammeProfile.Parse("broken.json", broken));

        error.Errors.ShouldAllBe(e => e.File == "broken.json");
        error.Errors.Select(e => e.Field).ShouldBe(
            [
                "$.currency", "$.eligibility.rules[0]", "$.deadlines.postArrivalRequestBeforeDeparture.count",
                "$.deadlines.waits.decision.endAfterDays",
            ],
            ignoreOrder: true);
        error.Message.ShouldContain("broken.json: $.currency 'USD' is not a supported currency");
        error.Message.ShouldContain("'lunar' is not one of: calendar, working");
    }

    [Fact]
    public void Shipped_profiles_give_every_wait_its_settings()
    {
        foreach (var id in new[] { "drc-denmark", "eu-eurp" })
        {
            var waits = CaseSpec.Programmes.Get(id).Deadlines.Waits;
            (waits.Decision, waits.PlanApproval, waits.FinancialReport).ShouldBe(
                (new WaitSettings(5, 10, 7, 14), new WaitSettings(3, 7, 7, 60), new WaitSettings(14, 30, 14, 90)));
        }
    }

    [Theory]
    [InlineData(
        "\"escalationAfterDays\": 60", "\"escalationAfterDays\": 20",
        "$.deadlines.waits.departure.reminderAfterDays", "must come before escalationAfterDays")]
    [InlineData(
        "\"endAfterDays\": 180", "\"endAfterDays\": 60",
        "$.deadlines.waits.departure.escalationAfterDays", "must come before endAfterDays")]
    [InlineData(
        "\"escalationEveryDays\": 30", "\"escalationEveryDays\": 0",
        "$.deadlines.waits.departure.escalationEveryDays", "must be a whole number from 1 to 3660")]
    [InlineData("\"completion\": {", "\"finished\": {", "$.deadlines.waits.completion", "is required")]
    public void A_wait_whose_steps_cannot_all_happen_is_refused_naming_the_field(
        string from, string to, string field, string reason)
    {
        var error = Should.Throw<ProgrammeProfileException>(
            () => ProgrammeProfile.Parse("waits.json", Valid.Replace(from, to, StringComparison.Ordinal)));

        var only = error.Errors.ShouldHaveSingleItem();
        (only.File, only.Field, only.Reason).ShouldBe(("waits.json", field, reason));
    }

    [Fact]
    public void Missing_waits_are_named_once()
    {
        var start = Valid.IndexOf("\"waits\"", StringComparison.Ordinal);
        var end = Valid.IndexOf("\"monitoringMonths\"", StringComparison.Ordinal);
        var error = Should.Throw<ProgrammeProfileException>(
            () => ProgrammeProfile.Parse("x.json", Valid.Remove(start, end - start)));

        error.Errors.ShouldHaveSingleItem().Field.ShouldBe("$.deadlines.waits");
    }

    [Fact]
    public void Missing_section_is_named()
    {
        var error = Should.Throw<ProgrammeProfileException>(() => ProgrammeProfile.Parse("x.json", """{ "id": "x" }"""));
        error.Errors.Select(e => e.Field).ShouldContain("$.caps");
        error.Errors.Select(e => e.Field).ShouldContain("$.deadlines");
        error.Errors.Single(e => e.Field == "$.currency").Reason.ShouldBe("is required");
    }

    [Theory]
    [InlineData("{ \"da\": \"\" }", "$.names.da", "must be a non-empty string")]
    [InlineData("{ \"en\": \"Other\" }", "$.names.en", "the English name goes in $.name")]
    [InlineData("{ \"Danish\": \"Dansk\" }", "$.names.Danish", "must be a two-letter lower-case language code, e.g. da")]
    [InlineData("[\"da\"]", "$.names", "must be an object of language code to name, e.g. { \"da\": \"…\" }")]
    public void A_programme_name_in_another_language_that_is_not_a_name_by_a_language_code_is_refused_naming_the_field(
        string names, string field, string reason)
    {
        var json = Valid.Replace("\"currency\"", $"\"names\": {names}, \"currency\"", StringComparison.Ordinal);

        var error = Should.Throw<ProgrammeProfileException>(() => ProgrammeProfile.Parse("names.json", json));

        var only = error.Errors.ShouldHaveSingleItem();
        (only.File, only.Field, only.Reason).ShouldBe(("names.json", field, reason));
    }

    [Fact]
    public void A_programme_is_named_in_the_languages_its_profile_gives_and_in_English_by_its_name()
    {
        var json = Valid.Replace("\"currency\"", "\"names\": { \"da\": \"Program\" }, \"currency\"", StringComparison.Ordinal);

        var programme = ProgrammeProfile.Parse("names.json", json);

        programme.NameIn("da").ShouldBe("Program");
        programme.NameIn("en").ShouldBe(programme.Name);
        programme.NameIn("fr").ShouldBeNull();
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var error = Should.Throw<ProgrammeProfileException>(() => ProgrammeProfile.Parse("bad.json", "{ nope"));
        error.Errors.Single().File.ShouldBe("bad.json");
    }
}
