using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Operators;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The operator's desk on the durable engine: a case whose e-mails keep failing is listed with its effects' attempts;
/// skip and retry act on it through the orchestration; terminate ends it and retry brings it back; each is audited.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class OperatorDeskTests(AzuriteApp azurite) : IAsyncLifetime
{
    // Case time at real time: a failing effect's age is measured against the messages' time (no stuck alert here).
    private static readonly DateTimeOffset Day0 = DateTimeOffset.UtcNow;
    private static readonly ClaimsPrincipal Officer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "officer-1"), new Claim(ClaimTypes.Role, nameof(Role.ProgrammeOfficer))], "test"));

    private readonly LocalTaskHubFixture hub = new(azurite);
    private readonly InMemoryAuditTrail trail = new();
    private OperatorDesk desk = null!;

    public async Task InitializeAsync()
    {
        await hub.InitializeAsync();
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        desk = new OperatorDesk(hub.Hub, new OrchestratedCaseCommands(hub.Hub, hub.ReadModel, decider, TimeProvider.System),
            new AuditLog(NullLogger<AuditLog>.Instance, trail, TimeProvider.System));
    }

    public Task DisposeAsync() => hub.DisposeAsync();

    private async Task<string> FailingCaseAsync()
    {
        var caseId = "ops-" + Guid.NewGuid().ToString("N")[..10];
        hub.Messages.Failing[caseId] = true;
        await hub.OpenAsync(new CaseCommand.SubmitApplication(
            caseId, $"{caseId}:intake", Day0, "drc-denmark",
            new Person("Test Person", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
            [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null));
        // A second command with an e-mail, so that at least two effects fail.
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(new CaseCommand.RaiseAlert(
            caseId, $"{caseId}:alert", Day0.AddMinutes(5), AlertKind.ProcessingFailed, "test")))).ShouldBe(SendOutcome.Raised);
        await hub.WaitUntilAsync(caseId, i => i.Published?.Effects.Count(e => e.Failures > 0) >= 2);
        return caseId;
    }

    [Fact]
    public async Task Given_a_case_whose_emails_keep_failing_When_the_operator_skips_one_and_retries_the_rest_Then_the_case_is_clear()
    {
        var caseId = await FailingCaseAsync();

        var listed = (await desk.TroubledAsync()).Where(i => i.CaseId == caseId).ShouldHaveSingleItem();
        var failing = listed.Published!.Effects.Where(e => e.Failures > 0).ToList();
        failing.ShouldNotBeEmpty();
        failing.ShouldAllBe(e => e.LastError == typeof(InvalidOperationException).FullName && e.RetryAt != null);

        var skipped = failing[0];
        (await desk.SkipAsync(Officer, caseId, skipped.EffectId, "the address bounces for good")).Outcome
            .ShouldBe(CommandOutcome.Accepted);
        hub.Messages.Failing.TryRemove(caseId, out _);
        (await desk.RetryAsync(Officer, caseId, "mail service is back")).Outcome.ShouldBe(CommandOutcome.Accepted);

        var clear = await hub.WaitUntilAsync(caseId, i => !i.Troubled && i.Published!.Effects.Count == 0);
        clear.Status.ShouldBe(CaseInstanceStatus.Running);
        hub.Messages.Sent.Where(e => e.EffectId.StartsWith(caseId + ":", StringComparison.Ordinal)).Select(e => e.EffectId).ShouldNotContain(skipped.EffectId);
        var sent = hub.Messages.Sent.Select(e => e.EffectId).ToList();
        failing.Where(e => e != skipped).Select(e => e.EffectId).ShouldAllBe(id => sent.Contains(id));
        (await desk.TroubledAsync()).ShouldNotContain(i => i.CaseId == caseId);
        (await trail.ForCaseAsync(caseId, default)).Select(a => (a.Caller, a.Action, a.Reason)).ShouldBe(
            [("officer-1", $"skip {skipped.EffectId}", "the address bounces for good"), ("officer-1", "retry", "mail service is back")],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Given_a_stuck_case_When_the_operator_skips_an_effect_that_is_not_pending_Then_it_is_refused_by_name()
    {
        var caseId = await FailingCaseAsync();

        var answer = await desk.SkipAsync(Officer, caseId, "no-such-effect", "typo");

        answer.Outcome.ShouldBe(CommandOutcome.Rejected);
        answer.Rejection!.Code.ShouldBe("effect-not-pending");
        (await hub.Hub.GetAsync(caseId)).Troubled.ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_stuck_case_When_terminated_and_then_retried_Then_it_runs_again_from_its_last_generation()
    {
        var caseId = await FailingCaseAsync();

        (await desk.TerminateAsync(Officer, caseId, "investigating the mail account")).Outcome.ShouldBe(CommandOutcome.Accepted);
        (await hub.WaitUntilAsync(caseId, i => i.Status == CaseInstanceStatus.Terminated)).Published.ShouldNotBeNull();
        (await desk.TerminateAsync(Officer, caseId, "again")).Rejection!.Code.ShouldBe("case-not-running");
        hub.Messages.Failing.TryRemove(caseId, out _);

        (await desk.RetryAsync(Officer, caseId, "account fixed")).Outcome.ShouldBe(CommandOutcome.Accepted);

        var running = await hub.WaitUntilAsync(caseId, i => i.Status == CaseInstanceStatus.Running && i.Published?.Effects.Count == 0);
        running.Published!.Stage.ShouldBe(CaseStage.AwaitingDecision);
        hub.Messages.Sent.ShouldContain(e => e.EffectId.StartsWith(caseId + ":", StringComparison.Ordinal));
        (await trail.ForCaseAsync(caseId, default)).Select(a => a.Action).ShouldBe(["terminate", "retry"], ignoreOrder: true);
    }
}
