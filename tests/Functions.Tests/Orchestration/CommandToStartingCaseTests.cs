using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// A message is raised only once the case's instance has left Pending: the Azure Storage provider discards an event it
/// takes before the instance's first episode ("No such instance"), which lost an application's command in CI and in
/// the 200-case fault run. Over a port whose instance stays Pending as long as the test says.
/// </summary>
public sealed class CommandToStartingCaseTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_an_application_whose_new_instance_is_still_pending_When_it_is_sent_Then_it_is_raised_only_after_the_instance_runs()
    {
        var port = new StartingPort(pendingReads: 3);
        var commands = Commands(port, TimeSpan.FromSeconds(2));

        await commands.HandleAsync(Application("case-1"), null);

        port.ReadsBeforeSend.ShouldBeGreaterThan(3);
        port.Sent.ShouldBe(["case-1"]);
    }

    [Fact]
    public async Task Given_an_application_whose_new_instance_stays_pending_When_it_is_sent_Then_it_is_refused_as_starting_and_nothing_is_raised()
    {
        var port = new StartingPort(pendingReads: int.MaxValue);
        var commands = Commands(port, TimeSpan.FromMilliseconds(200));

        var result = await commands.HandleAsync(Application("case-2"), null);

        result.Rejection!.Code.ShouldBe("case-starting");
        port.Sent.ShouldBeEmpty();
    }

    private static CaseCommand Application(string caseId) => new CaseCommand.SubmitApplication(
        caseId, $"{caseId}-intake", At, "drc-denmark", new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    private static OrchestratedCaseCommands Commands(ICaseOrchestrations port, TimeSpan wait) =>
        new(port, new InMemoryCaseStore(), new CaseDecider(ProgrammeCatalog.Shipped()), new ManualClock(At)) { AnswerWait = wait };

    /// <summary>An instance that reads Pending for the first reads, Running after; a sent message is recorded, not run.</summary>
    private sealed class StartingPort(int pendingReads) : ICaseOrchestrations
    {
        private int reads;

        public List<string> Sent { get; } = [];

        public int ReadsBeforeSend { get; private set; }

        public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default)
        {
            var status = Interlocked.Increment(ref reads) <= pendingReads ? CaseInstanceStatus.Pending : CaseInstanceStatus.Running;
            return Task.FromResult(new CaseInstance(caseId, status, null));
        }

        public Task<bool> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
        {
            ReadsBeforeSend = reads;
            Sent.Add(caseId);
            return Task.FromResult(true);
        }

        public Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<CaseInstance>> TroubledAsync(bool failedOnly = false, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CaseInstance>>([]);
    }
}
