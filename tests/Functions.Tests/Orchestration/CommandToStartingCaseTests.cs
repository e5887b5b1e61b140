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
/// An application starts its case with itself decided in the first generation, so nothing is raised to a new instance;
/// any other message is raised only once the case's instance has left Pending: the Azure Storage provider discards an
/// event it takes before the instance's first episode ("No such instance"), which lost an application's command in CI
/// and in the 200-case fault run. Over a port whose instance stays Pending as long as the test says.
/// </summary>
public sealed class CommandToStartingCaseTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryReadModel readModel = new();

    [Fact]
    public async Task Given_a_new_case_When_its_application_is_submitted_Then_the_instance_starts_with_it_decided_and_nothing_is_raised()
    {
        var port = new StartingPort(pendingReads: int.MaxValue);

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).SubmitAsync(Application("case-1"));

        (result.Outcome, result.State.Stage, result.State.Version).ShouldBe((CommandOutcome.Accepted, CaseStage.AwaitingDecision, 1L));
        var first = port.Started.ShouldHaveSingleItem();
        first.Answers.ShouldHaveSingleItem().CommandId.ShouldBe("case-1-intake");
        first.Pending.ShouldNotBeEmpty();
        first.State.File!.Applicant.Name.ShouldNotContain("Amina");
        port.Sent.ShouldBeEmpty();
        (await readModel.ReadSecretsAsync("case-1")).Values.ShouldContain("Amina Test");
    }

    [Fact]
    public async Task Given_an_application_the_rules_refuse_When_it_is_submitted_Then_nothing_starts_and_none_of_its_secrets_are_kept()
    {
        var port = new StartingPort(pendingReads: 0) { Exists = false };
        var refused = Application("case-2") with { ProgrammeId = "no-such-programme" };

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).SubmitAsync(refused);

        result.Outcome.ShouldBe(CommandOutcome.Rejected);
        result.Rejection.ShouldNotBeNull();
        port.Started.ShouldBeEmpty();
        port.Sent.ShouldBeEmpty();
        (await readModel.ReadSecretsAsync("case-2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_store_that_refuses_every_secret_When_applications_are_submitted_Then_a_refused_one_is_answered_and_an_accepted_one_starts_nothing()
    {
        // A refused application is decided before any of its personal data is written, so a stop between two writes
        // cannot leave a refused person's data behind. An accepted one keeps its data first: its first generation's
        // projection unseals it.
        var port = new StartingPort(pendingReads: 0) { Exists = false };
        var commands = new OrchestratedCaseCommands(port, new NoSecretsKept(readModel), new CaseDecider(ProgrammeCatalog.Shipped()), new ManualClock(At));

        var refused = await commands.SubmitAsync(Application("case-8") with { ProgrammeId = "no-such-programme" });
        var accepted = async () => await commands.SubmitAsync(Application("case-9"));

        refused.Rejection!.Code.ShouldBe("unknown-programme");
        await accepted.ShouldThrowAsync<InvalidOperationException>();
        port.Started.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_app_stopped_between_keeping_an_applications_data_and_starting_its_case_When_an_hour_has_passed_Then_the_sweep_forgets_the_data()
    {
        var clock = new ManualClock(At);
        var port = new StartingPort(pendingReads: 0) { Exists = false, StartThrows = true };
        var sweep = new UnsettledStartsSweep(readModel, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<UnsettledStartsSweep>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() => Commands(port, TimeSpan.FromMilliseconds(200), clock).SubmitAsync(Application("case-11")));
        (await readModel.ReadSecretsAsync("case-11")).ShouldNotBeEmpty();

        clock.AdvanceTo(At.AddMinutes(59));
        (await sweep.SweepAsync(port)).ShouldBeEmpty("a sender may still deliver again and start the case");
        (await readModel.ReadSecretsAsync("case-11")).ShouldNotBeEmpty();

        clock.AdvanceTo(At.AddMinutes(61));
        (await sweep.SweepAsync(port)).ShouldBe(["case-11"]);
        (await readModel.ReadSecretsAsync("case-11")).ShouldBeEmpty();
        (await readModel.UnsettledStartsAsync(At.AddYears(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_task_hub_cannot_be_read_When_the_sweep_looks_Then_it_keeps_the_data_and_the_next_look_forgets_it()
    {
        var clock = new ManualClock(At);
        var down = new StartingPort(pendingReads: 0) { Exists = false, StartThrows = true, GetThrows = true };
        var sweep = new UnsettledStartsSweep(readModel, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<UnsettledStartsSweep>.Instance);
        await Should.ThrowAsync<InvalidOperationException>(() => Commands(down, TimeSpan.FromMilliseconds(200), clock).SubmitAsync(Application("case-13")));
        clock.AdvanceTo(At.AddHours(2));

        await sweep.LookAsync(down, CancellationToken.None); // the loop and the timer go on with their next job
        (await readModel.ReadSecretsAsync("case-13")).ShouldNotBeEmpty("no instance could be read, so nothing is known to be missing");
        (await readModel.UnsettledStartsAsync(At.AddYears(1))).ShouldBe(["case-13"]);

        await sweep.LookAsync(new StartingPort(pendingReads: 0) { Exists = false }, CancellationToken.None);
        (await readModel.ReadSecretsAsync("case-13")).ShouldBeEmpty();
        (await readModel.UnsettledStartsAsync(At.AddYears(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_case_that_started_When_the_sweep_finds_its_start_unsettled_Then_its_data_stays()
    {
        var clock = new ManualClock(At);
        var port = new StartingPort(pendingReads: 0);
        var sweep = new UnsettledStartsSweep(readModel, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<UnsettledStartsSweep>.Instance);

        (await Commands(port, TimeSpan.FromMilliseconds(200), clock).SubmitAsync(Application("case-12"))).Outcome.ShouldBe(CommandOutcome.Accepted);
        (await readModel.UnsettledStartsAsync(At.AddYears(1))).ShouldBe(["case-12"], "the sweep settles it, off the webhook's answer path");

        clock.AdvanceTo(At.AddHours(2));
        (await sweep.SweepAsync(port)).ShouldBeEmpty();
        (await readModel.ReadSecretsAsync("case-12")).Values.ShouldContain("Amina Test");
        (await readModel.UnsettledStartsAsync(At.AddYears(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_case_that_exists_When_its_application_is_delivered_again_Then_it_is_sent_as_a_message_to_be_answered_by_the_case()
    {
        var port = new StartingPort(pendingReads: 0) { StartSucceeds = false };

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).SubmitAsync(Application("case-3"));

        port.Sent.ShouldBe(["case-3"]);
        result.Outcome.ShouldBe(CommandOutcome.Pending); // the port runs nothing, so no answer comes
    }

    [Fact]
    public async Task Given_an_erased_case_whose_instance_is_not_purged_yet_When_its_application_is_delivered_again_Then_none_of_its_personal_data_comes_back()
    {
        var port = new StartingPort(pendingReads: 0) { StartSucceeds = false, SendSucceeds = false };

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).SubmitAsync(Application("case-6"));

        result.Outcome.ShouldBe(CommandOutcome.Rejected);
        port.Started.ShouldBeEmpty();
        (await readModel.ReadSecretsAsync("case-6")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_erased_case_whose_instance_is_purged_When_its_application_is_delivered_again_Then_it_is_refused_and_no_personal_data_is_written()
    {
        var port = new StartingPort(pendingReads: 0) { Exists = false };
        await readModel.ProjectAsync(CaseState.Empty("case-10") with { Stage = CaseStage.Closed, PersonalDataErasedAt = At }, []);

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).SubmitAsync(Application("case-10"));

        result.Rejection!.Code.ShouldBe("case-erased");
        port.Started.ShouldBeEmpty();
        port.Sent.ShouldBeEmpty();
        (await readModel.ReadSecretsAsync("case-10")).ShouldBeEmpty();
        // The start's note went with the erased-case read (one round trip): it holds the case id and a time, and the
        // sweep settles it an hour later.
        (await readModel.UnsettledStartsAsync(At.AddHours(2))).ShouldBe(["case-10"]);
        (await readModel.ReadAsync("case-10"))!.PersonalDataErasedAt.ShouldBe(At);
    }

    [Fact]
    public async Task Given_an_erased_case_whose_instance_is_purged_When_erasure_is_asked_again_Then_it_answers_duplicate_without_waiting_for_a_completion()
    {
        var port = new StartingPort(pendingReads: 0) { Exists = false };
        await readModel.ProjectAsync(CaseState.Empty("case-11") with { Stage = CaseStage.Closed, PersonalDataErasedAt = At }, []);

        var result = await Commands(port, TimeSpan.FromSeconds(3)).HandleAsync(new CaseCommand.ErasePersonalData("case-11", "case-11-erase-2", At), null);

        result.Outcome.ShouldBe(CommandOutcome.Duplicate);
        // One read to send (not running), one to find the instance gone: waiting for a purged instance to complete read
        // it again and again for the whole answer wait.
        port.Reads.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_command_raised_while_the_case_runs_its_erasure_When_the_instance_completes_without_taking_it_Then_it_is_refused_and_its_secrets_go()
    {
        // The counsellor books a departure with its flight as the case's last generation (its retention erasure) runs:
        // the message waits in the instance's queue and is never taken. Its flight, kept as a secret before the send,
        // must not stay behind in the erased case's partition.
        var port = new StartingPort(pendingReads: 0) { EndsAfterSend = true };
        await readModel.ProjectAsync(CaseState.Empty("case-12") with { Stage = CaseStage.Closed, PersonalDataErasedAt = At }, []);
        var booking = new CaseCommand.BookDeparture("case-12", "case-12-departure", At, new DateOnly(2027, 1, 20), "TK 1953");

        var result = await Commands(port, TimeSpan.FromSeconds(3)).HandleAsync(booking, null);

        result.Outcome.ShouldBe(CommandOutcome.Rejected);
        result.Rejection!.Code.ShouldBe("case-erased");
        port.Sent.ShouldBe(["case-12"]);
        (await readModel.ReadSecretsAsync("case-12")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_case_whose_new_instance_is_still_pending_When_a_command_is_sent_Then_it_is_raised_only_after_the_instance_runs()
    {
        var port = new StartingPort(pendingReads: 3);

        await Commands(port, TimeSpan.FromSeconds(2)).HandleAsync(Decision("case-4"), null);

        port.ReadsBeforeSend.ShouldBeGreaterThan(3);
        port.Sent.ShouldBe(["case-4"]);
    }

    [Fact]
    public async Task Given_a_running_case_When_a_command_is_sent_Then_its_instance_is_read_once_before_the_message_is_raised()
    {
        var port = new StartingPort(pendingReads: 0);

        await Commands(port, TimeSpan.FromMilliseconds(200)).HandleAsync(Decision("case-7"), null);

        port.Sent.ShouldBe(["case-7"]);
        port.ReadsBeforeSend.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_case_whose_new_instance_stays_pending_When_a_command_is_sent_Then_it_is_refused_as_starting_and_nothing_is_raised()
    {
        var port = new StartingPort(pendingReads: int.MaxValue);

        var result = await Commands(port, TimeSpan.FromMilliseconds(200)).HandleAsync(Decision("case-5"), null);

        result.Rejection!.Code.ShouldBe("case-starting");
        port.Sent.ShouldBeEmpty();
    }

    private static CaseCommand Decision(string caseId) => new CaseCommand.DecideEligibility(caseId, $"{caseId}-decide", At, true, null);

    private static CaseCommand.SubmitApplication Application(string caseId) => new(
        caseId, $"{caseId}-intake", At, "drc-denmark", new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    private OrchestratedCaseCommands Commands(ICaseOrchestrations port, TimeSpan wait, TimeProvider? clock = null) =>
        new(port, readModel, new CaseDecider(ProgrammeCatalog.Shipped()), clock ?? new ManualClock(At)) { AnswerWait = wait };

    /// <summary>A read model whose store for personal data is down: keeping a secret throws.</summary>
    private sealed class NoSecretsKept(ICaseReadModel inner) : ICaseReadModel
    {
        public Task<IReadOnlyList<string>> KeepSecretsAsync(string caseId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The secrets table is down.");

        public Task<bool> ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default) =>
            inner.ProjectAsync(state, events, cancellationToken);

        public Task<CaseState?> ReadAsync(string caseId, CancellationToken cancellationToken = default) => inner.ReadAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(caseId, cancellationToken);

        public Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default) =>
            inner.RedactHistoryAsync(caseId, redact, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(string caseId, CancellationToken cancellationToken = default) =>
            inner.ReadSecretsAsync(caseId, cancellationToken);

        public Task ForgetSecretsAsync(string caseId, IReadOnlyList<string>? placeholders = null, CancellationToken cancellationToken = default) =>
            inner.ForgetSecretsAsync(caseId, placeholders, cancellationToken);

        public Task NoteStartAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.NoteStartAsync(caseId, at, cancellationToken);

        public Task SettleStartAsync(string caseId, CancellationToken cancellationToken = default) => inner.SettleStartAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<string>> UnsettledStartsAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
            inner.UnsettledStartsAsync(before, cancellationToken);
    }

    /// <summary>
    /// An instance that reads Pending for the first reads, Running after (or Missing when it does not exist); a start
    /// or a sent message is recorded, not run.
    /// </summary>
    private sealed class StartingPort(int pendingReads) : ICaseOrchestrations
    {
        private int reads;
        private int allReads;

        /// <summary>Every read of the instance.</summary>
        public int Reads => allReads;

        public bool StartSucceeds { get; init; } = true;

        public bool Exists { get; init; } = true;

        public bool SendSucceeds { get; init; } = true;

        /// <summary>The instance completes right after a message is raised to it, without taking it.</summary>
        public bool EndsAfterSend { get; init; }

        /// <summary>The app stops while it starts the instance.</summary>
        public bool StartThrows { get; init; }

        /// <summary>The task hub cannot be read (the store is down).</summary>
        public bool GetThrows { get; init; }

        public List<string> Sent { get; } = [];

        public List<CaseGeneration> Started { get; } = [];

        public int ReadsBeforeSend { get; private set; }

        public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default)
        {
            if (GetThrows)
            {
                throw new InvalidOperationException("The store is down.");
            }

            Interlocked.Increment(ref allReads);
            var status = !Exists ? CaseInstanceStatus.Missing
                : EndsAfterSend && Sent.Count > 0 ? CaseInstanceStatus.Completed
                : Interlocked.Increment(ref reads) <= pendingReads ? CaseInstanceStatus.Pending : CaseInstanceStatus.Running;
            return Task.FromResult(new CaseInstance(caseId, status, null));
        }

        /// <summary>As the real ports do: one read of the instance, then the message raised only to a running one.</summary>
        public async Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
        {
            var status = SendSucceeds ? (await GetAsync(caseId, cancellationToken)).Status : CaseInstanceStatus.Completed;
            if (SendOutcomes.Refusal(status) is { } refused)
            {
                return refused;
            }

            ReadsBeforeSend = reads;
            Sent.Add(caseId);
            return SendOutcome.Raised;
        }

        public Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default)
        {
            if (StartThrows)
            {
                throw new InvalidOperationException("The app stopped.");
            }

            if (StartSucceeds)
            {
                Started.Add(first);
            }

            return Task.FromResult(StartSucceeds);
        }

        public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<CaseInstance>> TroubledAsync(bool failedOnly = false, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CaseInstance>>([]);

        public Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }
}
