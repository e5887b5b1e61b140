using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Orchestration.InMemory;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The Azure Storage provider can delete a raised event: it batches it with a stale execution's message (a completion
/// or a cancelled timer of a generation that continued as new), finds no history for that execution and discards the
/// batch as "No such instance" (DurableTask.AzureStorage, <c>LockNextTaskOrchestrationWorkItemAsync</c>). The edge
/// raises a message again while its answer is missing; the orchestration ignores a copy of one it answered. Over the
/// in-memory orchestration (the same <see cref="CaseOrchestration"/>) behind a port that loses chosen sends.
/// </summary>
public sealed class LostMessageTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider realTime = new(Day0);
    private readonly InMemoryReadModel readModel = new();
    private readonly LosingPort port;
    private readonly OrchestratedCaseCommands commands;

    public LostMessageTests()
    {
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        port = new LosingPort(new InMemoryCaseOrchestrations(
            CaseOrchestrationParts.Of(decider, readModel, new InMemoryCaseIndex(), realTime, new EffectLog(),
                new Reintegration.Functions.Hosting.NoDocuments()),
            NullLoggerFactory.Instance, realTime));
        commands = new OrchestratedCaseCommands(port, readModel, decider, realTime)
        {
            AnswerWait = TimeSpan.FromSeconds(10), ResendAfter = TimeSpan.FromMilliseconds(200),
        };
    }

    [Fact]
    public async Task Given_the_provider_loses_a_command_When_it_is_sent_Then_the_edge_raises_it_again_and_it_is_decided_once()
    {
        await commands.HandleAsync(Application("lost-1"), null);
        port.LoseNext = 2;

        var result = await commands.HandleAsync(new CaseCommand.DecideEligibility("lost-1", "decide-1", Day0.AddHours(1), true, null), null);

        (result.Outcome, result.State.Stage).ShouldBe((CommandOutcome.Accepted, CaseStage.AwaitingDeparture));
        port.Lost.ShouldBe(2);
        (await readModel.ReadEventsAsync("lost-1")).Count(e => e.Event is CaseEvent.EligibilityDecided).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_command_answered_When_a_late_copy_of_its_message_arrives_Then_it_changes_nothing()
    {
        await commands.HandleAsync(Application("late-1"), null);
        port.KeepMessages = true;
        var decided = await commands.HandleAsync(new CaseCommand.DecideEligibility("late-1", "decide-1", Day0.AddHours(1), true, null), null);
        var before = (await port.GetAsync("late-1")).Published!;

        await port.SendAsync("late-1", port.Kept.Single(m => m.Command is CaseCommand.DecideEligibility));

        var after = (await port.GetAsync("late-1")).Published!;
        decided.Outcome.ShouldBe(CommandOutcome.Accepted);
        (after.Version, after.Answers.Count).ShouldBe((before.Version, before.Answers.Count));
        after.Answers[^1].Outcome.ShouldBe(CommandOutcome.Accepted);
    }

    private static CaseCommand Application(string caseId) => new CaseCommand.SubmitApplication(
        caseId, $"{caseId}-intake", Day0, "drc-denmark", new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    /// <summary>Passes everything to the in-memory orchestrations, except that it can lose the next sends (answering true, as the provider does).</summary>
    private sealed class LosingPort(ICaseOrchestrations inner) : ICaseOrchestrations
    {
        public int LoseNext { get; set; }

        public int Lost { get; private set; }

        public bool KeepMessages { get; set; }

        public List<CaseMessage> Kept { get; } = [];

        public Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
        {
            if (KeepMessages)
            {
                Kept.Add(message);
            }

            if (LoseNext > 0)
            {
                LoseNext--;
                Lost++;
                return Task.FromResult(SendOutcome.Raised);
            }

            return inner.SendAsync(caseId, message, cancellationToken);
        }

        public Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default) =>
            inner.StartAsync(caseId, first, cancellationToken);

        public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default) => inner.GetAsync(caseId, cancellationToken);

        public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) =>
            inner.TerminateAsync(caseId, reason, cancellationToken);

        public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) => inner.PurgeAsync(caseId, cancellationToken);

        public Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default) => inner.RehydrateAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<CaseInstance>> TroubledAsync(bool failedOnly = false, CancellationToken cancellationToken = default) =>
            inner.TroubledAsync(failedOnly, cancellationToken);

        public Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default) => inner.CompletedAsync(cancellationToken);
    }
}
