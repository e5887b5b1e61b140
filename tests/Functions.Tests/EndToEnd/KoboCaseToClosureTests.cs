using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Tests.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.EndToEnd;

/// <summary>A case from a Kobo submission to closure, over HTTP, on Azurite, with the clock advanced through 12 months.</summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class KoboCaseToClosureTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<string> LinkAsync(string caseId, string subjectWord)
    {
        // The intake webhook answers once the case has started; its e-mails follow.
        var text = (await AppFactory.EventuallyAsync(async () => (await App.Get<IDevOutbox>().ListAsync(caseId))
            .FirstOrDefault(e => e.Message.Subject.Contains(subjectWord, StringComparison.OrdinalIgnoreCase) && e.Message.Text.Contains("/links/", StringComparison.Ordinal)))).Message.Text;
        var start = text.IndexOf("/links/", StringComparison.Ordinal);
        return text[start..].Split('\n', ' ')[0].Trim();
    }

    private async Task AdvanceDaysAsync(int days) =>
        (await App.CreateClient().PostAsync($"/dev/clock/advance?days={days}", null)).EnsureSuccessStatusCode();

    private async Task<JsonElement> CaseAsync(string caseId) => await App.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    [Fact]
    public async Task Kobo_submission_runs_through_decision_departure_plan_and_twelve_months_to_closure()
    {
        var uuid = "e2e0c6a4-3b1d-4f52-9a0e-6c2d8e1b7a93";
        var kobo = App.CreateClient();
        kobo.DefaultRequestHeaders.Add("X-Intake-Secret", AzuriteApp.KoboHeaderValue);
        var intake = await kobo.PostAsync("/webhooks/intake/kobo/drc-intake", new StringContent(DrcKoboForm.Submission(uuid).ToJsonString(), Encoding.UTF8, "application/json"));
        intake.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = IntakeCommands.CaseIdFor(IntakeSources.Kobo, uuid);

        // The caseworker decides from the e-mail link (Danish: drc-denmark's agency language).
        var decide = await LinkAsync(id, "berettigelse");
        (await App.CreateClient().PostAsync(decide, Form(("decision", "eligible")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var departure = today.AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await App.Counsellor.PutAsync($"/api/cases/{id}/departure", AppFactory.Json($$"""{"departure":"{{departure}}","flight":"TK 1953"}"""))).EnsureSuccessStatusCode();
        (await App.Counsellor.PostAsync($"/api/cases/{id}/post-arrival-request", AppFactory.Json("""{"services":["airport-pickup","onward-transport"]}"""))).EnsureSuccessStatusCode();

        await AdvanceDaysAsync(13);
        var arrive = await LinkAsync(id, "post-arrival");
        (await App.CreateClient().PostAsync(arrive, Form(("arrivedOn", departure)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CaseAsync(id)).GetProperty("stage").GetString().ShouldBe("awaiting-plan");

        (await App.PartnerUganda.PostAsync($"/api/cases/{id}/plan", AppFactory.Json("""
            {"lines":[{"lineId":"shop","category":"small-business","description":"Tailoring workshop","amount":{"amount":45000,"currency":"DKK"}},
                      {"lineId":"rent","category":"long-term-housing","description":"Rent, 6 months","amount":{"amount":30000,"currency":"DKK"}}]}
            """))).EnsureSuccessStatusCode();
        var approve = await LinkAsync(id, "plan");
        (await App.CreateClient().PostAsync(approve, Form(("decision", "approve"), ("comment", "Good plan")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CaseAsync(id)).GetProperty("stage").GetString().ShouldBe("monitoring");

        var arrived = DateOnly.ParseExact(departure, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var month = 1; month <= 12; month++)
        {
            var due = arrived.AddMonths(month);
            var days = due.DayNumber - DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).DayNumber;
            await AdvanceDaysAsync(Math.Max(days, 1));
            (await App.PartnerUganda.PostAsync($"/api/cases/{id}/monitoring-reports",
                AppFactory.Json($$"""{"month":{{month}},"economic":"fair","social":"good","psychosocial":"fair"}"""))).EnsureSuccessStatusCode();
        }

        (await App.PartnerUganda.PostAsync($"/api/cases/{id}/financial-report", AppFactory.Json("""
            {"lines":[{"lineId":"shop","actual":{"amount":44100,"currency":"DKK"}},{"lineId":"rent","actual":{"amount":30000,"currency":"DKK"}}]}
            """))).EnsureSuccessStatusCode();
        (await App.Counsellor.PostAsync($"/api/cases/{id}/closure", AppFactory.Json("""{"reason":"completed"}"""))).EnsureSuccessStatusCode();

        var closed = await CaseAsync(id);
        (closed.GetProperty("stage").GetString(), closed.GetProperty("closure").GetString()).ShouldBe(("closed", "completed"));
        closed.GetProperty("monitoringMonthsReported").GetArrayLength().ShouldBe(12);
        var reminders = (await App.Get<IDevOutbox>().ListAsync(id)).Count(e => e.Message.To.StartsWith("ug-reach-out@", StringComparison.Ordinal) && e.Message.Text.Contains("/links/", StringComparison.Ordinal) && !e.Message.Subject.Contains("post-arrival", StringComparison.OrdinalIgnoreCase));
        reminders.ShouldBe(12);
        closed.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("what").GetString()).ShouldContain("Financial report");

        // Logs carry case ids, never the person: names, dates of birth, the counselling note, addresses.
        App.Logs.Lines.ShouldContain(line => line.Contains(id, StringComparison.Ordinal));
        string[] personal = ["Amina", "Nakato", "Okello", "1990-03-14", "2015-06-01", "school enrolment", "@reintegration.localhost", "Tailoring"];
        App.Logs.Lines.Where(line => personal.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();

        // Nor does the task hub, after a whole year of the case: its history, instances, queues and large messages.
        var hub = await TaskHubText.ReadAsync(azurite.Azurite.ConnectionString,
            Reintegration.Functions.Hosting.LocalTaskHubHost.TaskHubName(App.Get<Microsoft.Extensions.Configuration.IConfiguration>()));
        hub.ShouldContain(id);
        personal.Where(p => p != "@reintegration.localhost").Append("TK 1953")
            .Where(p => hub.Contains(p, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
