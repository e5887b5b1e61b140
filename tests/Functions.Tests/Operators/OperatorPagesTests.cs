using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Email;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Operators;

/// <summary>
/// The operator pages over the in-memory engine, with a mail service that refuses one case's e-mails: only a
/// programme officer reaches them; a form without its antiforgery token or without a reason does nothing and writes
/// no audit row; a reasoned action goes through the operator desk, is audited, and the page says what happened.
/// </summary>
public sealed partial class OperatorPagesTests(OperatorPagesTests.FailingMailApp app)
    : IClassFixture<OperatorPagesTests.FailingMailApp>
{
    /// <summary>The app whose e-mails fail for the cases in <see cref="Failing"/>.</summary>
    public sealed class FailingMailApp : AppFactory
    {
        public ConcurrentDictionary<string, bool> Failing { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IMessageSender>(sp => new RefusingSender(Failing, new EmailEffectSender(
                sp.GetRequiredService<EmailComposer>(), sp.GetRequiredService<IEmailDelivery>(),
                sp.GetRequiredService<ICaseReadModel>())));
    }

    private sealed class RefusingSender(ConcurrentDictionary<string, bool> failing, IMessageSender inner)
        : IMessageSender
    {
        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
            failing.ContainsKey(effect.EffectId[..effect.EffectId.IndexOf(':', StringComparison.Ordinal)])
                ? throw new InvalidOperationException("The mail service refused the message.")
                : inner.SendAsync(effect, cancellationToken);
    }

    private async Task<string> FailingCaseAsync(string name)
    {
        var caseId = $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
        app.Failing[caseId] = true;
        await app.NewCaseAsync(caseId);
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Troubled.ShouldBeTrue();
        return caseId;
    }

    /// <summary>Signed in, cookies kept, redirects not followed (so a 303 shows).</summary>
    private async Task<HttpClient> SignedInAsync(string key)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var csrf = Csrf(await client.GetStringAsync("/sign-in"));
        (await client.PostAsync("/sign-in", Form(("__csrf", csrf), ("key", key), ("returnUrl", "/pages/cases"))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static string Csrf(string html) => WebUtility.HtmlDecode(CsrfField().Match(html).Groups[1].Value);

    private async Task<IReadOnlyList<AuditEntry>> OperatedAsync(string caseId) =>
        [.. (await app.Get<IAuditTrail>().ForCaseAsync(caseId, default)).Where(a => a.Action != AuditEntry.Read)];

    [Fact]
    public async Task Given_a_case_whose_emails_fail_When_an_officer_opens_operations_Then_it_is_listed_with_its_work_and_history()
    {
        var caseId = await FailingCaseAsync("ops-list");
        var officer = await SignedInAsync("dev-officer-key");

        var list = await officer.GetStringAsync("/pages/operations");
        list.ShouldContain($"data-case=\"{caseId}\"");
        list.ShouldContain("System.InvalidOperationException");
        list.ShouldContain("href=\"/pages/operations?lang=en\" aria-current=\"page\"");

        var page = await officer.GetStringAsync($"/pages/operations/{caseId}");
        var failing = (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Published!.Effects
            .First(e => e.Failures > 0);
        page.ShouldContain($"data-effect=\"{failing.EffectId}\"");
        page.ShouldContain("running");
        page.ShouldContain("Application submitted");
        page.ShouldNotContain("Amina");
        page.ShouldNotContain("Confidential");
        page.ShouldContain("data-action=\"retry\"");
        page.ShouldContain("data-action=\"terminate\"");
        page.ShouldContain("data-action=\"skip\"");
    }

    [Theory]
    [InlineData("dev-counsellor-key")]
    [InlineData("dev-agency-key")]
    [InlineData("dev-partner-ug-key")]
    public async Task Given_another_role_When_it_asks_for_the_operator_pages_or_posts_an_action_Then_404_and_nothing_done(string key)
    {
        var caseId = await FailingCaseAsync("ops-role");
        var client = await SignedInAsync(key);

        (await client.GetAsync("/pages/operations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/pages/operations/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var csrf = Csrf(await client.GetStringAsync("/pages/cases"));
        (await client.PostAsync($"/pages/operations/{caseId}/terminate", Form(("__csrf", csrf), ("reason", "no"))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/pages/cases")).ShouldNotContain("/pages/operations");

        (await OperatedAsync(caseId)).ShouldBeEmpty();
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);
    }

    [Fact]
    public async Task Given_nobody_signed_in_When_the_operations_page_is_asked_for_Then_it_sends_to_sign_in()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/pages/operations");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    [Fact]
    public async Task Given_a_form_without_its_antiforgery_token_When_posted_Then_400_and_nothing_done()
    {
        var caseId = await FailingCaseAsync("ops-csrf");
        var officer = await SignedInAsync("dev-officer-key");

        var response = await officer.PostAsync($"/pages/operations/{caseId}/terminate", Form(("reason", "investigating")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await OperatedAsync(caseId)).ShouldBeEmpty();
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);
    }

    [Fact]
    public async Task Given_a_form_larger_than_the_operator_forms_When_posted_Then_413_and_nothing_done()
    {
        var caseId = await FailingCaseAsync("ops-large");
        var officer = await SignedInAsync("dev-officer-key");
        var csrf = Csrf(await officer.GetStringAsync($"/pages/operations/{caseId}"));

        var response = await officer.PostAsync(
            $"/pages/operations/{caseId}/terminate", Form(("__csrf", csrf), ("reason", new string('x', 20_000))));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await OperatedAsync(caseId)).ShouldBeEmpty();
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);
    }

    [Theory]
    [InlineData("", "Give a reason for this action.")]
    [InlineData("   ", "Give a reason for this action.")]
    [InlineData(null, "The reason is longer than 500 characters.")]
    public async Task Given_a_missing_or_too_long_reason_When_terminating_Then_it_is_said_beside_the_field_and_nothing_done(
        string? reason, string said)
    {
        reason ??= new string('x', 501);
        var caseId = await FailingCaseAsync("ops-reason");
        var officer = await SignedInAsync("dev-officer-key");
        var csrf = Csrf(await officer.GetStringAsync($"/pages/operations/{caseId}"));

        var response = await officer.PostAsync(
            $"/pages/operations/{caseId}/terminate", Form(("__csrf", csrf), ("reason", reason)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"id=\"terminate-error\">{said}");
        html.ShouldContain("aria-describedby=\"terminate-help terminate-hint terminate-error\" aria-invalid=\"true\"");
        (await OperatedAsync(caseId)).ShouldBeEmpty();
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);
    }

    [Fact]
    public async Task Given_a_reason_When_the_officer_skips_terminates_and_retries_Then_each_acts_is_audited_and_said()
    {
        var caseId = await FailingCaseAsync("ops-act");
        var officer = await SignedInAsync("dev-officer-key");
        var orchestrations = app.Get<ICaseOrchestrations>();
        var effect = (await orchestrations.GetAsync(caseId)).Published!.Effects.First(e => e.Failures > 0).EffectId;

        async Task<string> ActAsync(string action, params (string, string)[] fields)
        {
            var csrf = Csrf(await officer.GetStringAsync($"/pages/operations/{caseId}"));
            var response = await officer.PostAsync($"/pages/operations/{caseId}/{action}", Form([("__csrf", csrf), .. fields]));
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            var location = response.Headers.Location!.ToString();
            location.ShouldStartWith($"/pages/operations/{caseId}?lang=en&");
            return location;
        }

        // The effect field names an effect id, never free text: it goes into the audit trail and its log line.
        var csrfForText = Csrf(await officer.GetStringAsync($"/pages/operations/{caseId}"));
        (await officer.PostAsync($"/pages/operations/{caseId}/skip", Form([("__csrf", csrfForText), ("effect", "Amina called\r\nAudit: forged"), ("reason", "x")])))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync("skip", ("effect", effect), ("reason", "address bounces for good"))).ShouldEndWith("done=skip");
        (await orchestrations.GetAsync(caseId)).Published!.Effects.ShouldNotContain(e => e.EffectId == effect);

        var terminated = await ActAsync("terminate", ("reason", "investigating the mail account"));
        terminated.ShouldEndWith("done=terminate");
        (await orchestrations.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Terminated);
        (await officer.GetStringAsync(terminated))
            .ShouldContain("Terminated: the case&#39;s orchestration has stopped.");

        app.Failing.TryRemove(caseId, out _);
        (await ActAsync("retry", ("reason", "mail account fixed"))).ShouldEndWith("done=retry");
        (await orchestrations.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);

        (await OperatedAsync(caseId)).Select(a => (a.Caller, a.Action, a.Reason)).ShouldBe(
        [
            ("dev-officer", $"skip {effect}", "address bounces for good"),
            ("dev-officer", "terminate", "investigating the mail account"),
            ("dev-officer", "retry", "mail account fixed"),
        ], ignoreOrder: true);
        var page = await officer.GetStringAsync($"/pages/operations/{caseId}");
        page.ShouldContain("data-audit");
        page.ShouldContain("investigating the mail account");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    public async Task Given_a_failing_case_with_an_operator_action_Then_the_operator_pages_say_every_word_in_the_language(
        string language)
    {
        var caseId = await FailingCaseAsync("ops-words");
        var officer = await SignedInAsync("dev-officer-key");
        var csrf = Csrf(await officer.GetStringAsync($"/pages/operations/{caseId}"));
        (await officer.PostAsync($"/pages/operations/{caseId}/retry", Form(("__csrf", csrf), ("reason", "-"))))
            .StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Troubled.ShouldBeTrue();
        var faults = new List<string>();

        foreach (var path in new[]
        {
            $"/pages/operations?lang={language}", $"/pages/operations/{caseId}?lang={language}",
            $"/pages/operations?case=%20&lang={language}",
        })
        {
            var response = await officer.GetAsync(path);
            faults.AddRange(await Pages.PageWordsSupport.FaultsAsync(response, path, language));
        }

        var refused = await officer.PostAsync(
            $"/pages/operations/{caseId}/terminate?lang={language}", Form(("__csrf", csrf), ("reason", "")));
        faults.AddRange(await Pages.PageWordsSupport.FaultsAsync(refused, "terminate without a reason", language));
        faults.ShouldBeEmpty(string.Join(Environment.NewLine, faults));
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
