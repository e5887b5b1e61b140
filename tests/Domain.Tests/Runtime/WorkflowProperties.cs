using FsCheck;
using FsCheck.Fluent;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Runtime;

/// <summary>Random command sequences, interpreted against the case as it stands so that they reach every stage.</summary>
public class WorkflowProperties
{
    private const int Runs = 150;

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((1, Gen.Choose(0, 15)), (1, Gen.Constant(16)))
        from days in Gen.Frequency((3, Gen.Choose(0, 3)), (2, Gen.Choose(4, 20)), (1, Gen.Choose(21, 120)))
        from parameter in Gen.Choose(0, 1000)
        select new Step(kind, days, parameter);

    private static readonly Gen<Scenario> ScenarioGen =
        from programme in Gen.Elements("drc-denmark", "eu-eurp")
        from country in Gen.Elements("UG", "SO", "ER", "IQ", "SN")
        from familySize in Gen.Choose(0, 4)
        from consent in Gen.Elements(true, false)
        from steps in Gen.ListOf(StepGen, 40)
        select new Scenario(programme, country, familySize, consent, [.. steps]);

    [Fact]
    public void Random_command_sequences_keep_every_invariant()
    {
        var visited = new HashSet<CaseStage>();
        var property = Prop.ForAll(ScenarioGen.ToArbitrary(), scenario => Run(scenario, visited).GetAwaiter().GetResult());

        // A fixed seed keeps the run deterministic; change it to explore other sequences.
        var replay = new Replay(new Rnd(20261123UL, 7UL), Microsoft.FSharp.Core.FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithReplay(replay), property);

        // The generator must actually reach every stage, or the properties prove little.
        visited.ShouldBe(Enum.GetValues<CaseStage>().Except([CaseStage.New]), ignoreOrder: true);
    }

    private static async Task Run(Scenario scenario, HashSet<CaseStage> visited)
    {
        var system = new InMemoryCaseSystem(Commands.On(2026, 11, 2), CaseSpec.Programmes);
        var clock = system.Clock;
        var programme = CaseSpec.Programmes.Get(scenario.Programme);

        var intake = new CaseCommand.SubmitApplication(
            "case-p", "intake", clock.GetUtcNow(), programme.Id, Applications.Adult(),
            [.. Enumerable.Range(0, scenario.FamilySize).Select(i => Applications.Child($"child-{i}", 2010 + (i * 3)))],
            scenario.Country, scenario.Country, ReturnType.Voluntary, null, scenario.Consent, Reintegration.Domain.Eligibility.EligibilityFacts.Clean(), null, null);
        await Handle(system, intake, CaseState.Empty("case-p"));

        CaseCommand? previous = null;
        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            var step = scenario.Steps[i];
            var before = await system.CaseAsync("case-p");
            await system.AdvanceToAsync(clock.GetUtcNow().AddDays(step.Days));
            // No timer is left due: each fired on its date, and none set while firing was due before it.
            system.Timers.ShouldAllBe(t => t.DueAt > clock.GetUtcNow());
            var afterTimers = await system.CaseAsync("case-p");
            if (afterTimers.Stage != before.Stage)
            {
                WorkflowMap.Allows(before.Stage, nameof(CaseCommand.FireTimer), afterTimers.Stage).ShouldBeTrue($"{before.Stage} -> {afterTimers.Stage} by a timer");
            }

            var command = step.Kind switch
            {
                15 when previous is not null => previous,
                16 => Progress(step, $"cmd-{i}", afterTimers, clock.GetUtcNow(), programme),
                _ => Interpret(step, $"cmd-{i}", afterTimers, clock.GetUtcNow(), programme),
            };
            visited.Add((await Handle(system, command, afterTimers)).Stage);
            previous = command;
        }

        system.PendingEffects.ShouldBeEmpty();
    }

    private static async Task<CaseState> Handle(InMemoryCaseSystem system, CaseCommand command, CaseState before)
    {
        var result = await system.HandleAsync(command);
        var after = result.State;
        foreach (var schedule in result.Effects.OfType<CaseEffect.ScheduleTimer>())
        {
            (schedule.Timer.DueAt >= command.At).ShouldBeTrue($"{schedule.Timer.TimerId} is due before the command that set it");
        }

        if (result.Outcome == CommandOutcome.Accepted)
        {
            WorkflowMap.Allows(before.Stage, command.GetType().Name, after.Stage).ShouldBeTrue($"{before.Stage} -{command.GetType().Name}-> {after.Stage} is not in the workflow map");

            // A repeat of the same command changes nothing. It comes once the timers the command set due by its own
            // time have fired, as a repeat stamped with that time finds them fired first (time is data).
            await system.AdvanceToAsync(command.At > system.Now ? command.At : system.Now);
            after = await system.CaseAsync(command.CaseId);
            var again = await system.HandleAsync(command);
            again.Outcome.ShouldBe(CommandOutcome.Duplicate);
            again.State.ShouldMatch(after);
        }
        else
        {
            after.ShouldMatch(before);
        }

        // Replaying the stored events reproduces the snapshot.
        var events = await system.Store.ReadEventsAsync(command.CaseId);
        CaseEvolution.Replay(command.CaseId, events.Select(e => e.Event))
            .ShouldMatch(await system.CaseAsync(command.CaseId));
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));

        AssertValid(await system.CaseAsync(command.CaseId), system.Decider.Programmes);
        return after;
    }

    private static void AssertValid(CaseState state, ProgrammeCatalog programmes)
    {
        (state.Stage == CaseStage.Closed).ShouldBe(state.Closure is not null, "closed exactly when a closure reason is set");
        if (state.Stage == CaseStage.DepartureBooked)
        {
            state.Departure.ShouldNotBeNull();
            state.LatestPostArrivalRequest.ShouldNotBeNull();
            (state.LatestPostArrivalRequest < state.Departure).ShouldBeTrue();
        }

        if (state.Stage is CaseStage.AwaitingPlan or CaseStage.PlanPendingApproval or CaseStage.PlanRejected or CaseStage.Monitoring)
        {
            state.ArrivedOn.ShouldNotBeNull();
            state.HasPartner.ShouldBeTrue();
        }

        if (state.Stage == CaseStage.Departed)
        {
            state.HasPartner.ShouldBeFalse();
        }

        if (state.Plan is { Status: PlanStatus.Approved } plan)
        {
            PlanCaps.For(programmes.Get(state.File!.ProgrammeId), state.File).Check(plan.Lines).ShouldBeEmpty("an approved plan never exceeds its caps");
        }

        state.MonitoringReports.Keys.ShouldAllBe(m => m >= 1 && m <= 12);
        if (state.PersonalDataErasedAt is not null)
        {
            state.File!.Everyone.ShouldAllBe(p => p.Name == PersonalData.Erased, "an erased case keeps no names");
        }
    }

    private static CaseCommand Interpret(Step step, string id, CaseState state, DateTimeOffset now, Programme programme)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var p = step.Parameter;
        var caseId = state.CaseId;
        var version = state.Plan?.Version ?? 1;
        return step.Kind switch
        {
            0 => new CaseCommand.DecideEligibility(caseId, id, now, p % 4 != 0, "reason"),
            1 => new CaseCommand.BookDeparture(caseId, id, now, today.AddDays((p % 30) - 2), null),
            2 => new CaseCommand.CancelDeparture(caseId, id, now),
            3 => new CaseCommand.RequestPostArrival(caseId, id, now, [PostArrivalService.AirportPickup], p % 3 == 0 ? programme.Amount(p) : null, null),
            4 => new CaseCommand.RecordConsent(caseId, id, now),
            5 => new CaseCommand.RecordDeparture(caseId, id, now, today),
            6 => new CaseCommand.ConfirmArrival(caseId, id, now, today.AddDays(-(p % 3))),
            7 => new CaseCommand.SubmitPlan(caseId, id, now,
                [.. Enumerable.Range(0, 1 + (p % 3)).Select(i => new BudgetLine($"l{i}", (ServiceCategory)((p + i) % 10), "x", programme.Amount(100m * ((p % 30) + 1))))]),
            8 => new CaseCommand.ApprovePlan(caseId, id, now, version - (p % 2), null),
            9 => new CaseCommand.RejectPlan(caseId, id, now, version, "revise"),
            10 => new CaseCommand.SubmitMonitoringReport(caseId, id, now, new MonitoringReport(p % 14, Situation.Good, Situation.Fair, Situation.Poor, null, [])),
            11 => new CaseCommand.SubmitFinancialReport(caseId, id, now, [], p % 3 == 0 ? ClosureReason.Moved : null),
            12 => new CaseCommand.CloseCase(caseId, id, now, (ClosureReason)(p % 6)),
            13 => new CaseCommand.ReopenCase(caseId, id, now),
            _ => new CaseCommand.RaiseAlert(caseId, id, now, AlertKind.EmailBounced, "bounce"),
        };
    }

    /// <summary>The command that moves the case on from where it stands, so sequences reach the later stages.</summary>
    private static CaseCommand Progress(Step step, string id, CaseState state, DateTimeOffset now, Programme programme)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var p = step.Parameter;
        var caseId = state.CaseId;
        return state.Stage switch
        {
            CaseStage.AwaitingDecision => new CaseCommand.DecideEligibility(caseId, id, now, p % 8 != 0, "reason"),
            CaseStage.AwaitingDeparture => new CaseCommand.BookDeparture(caseId, id, now, today.AddDays(3 + (p % 20)), null),
            CaseStage.DepartureBooked when !state.HasPartner => new CaseCommand.RecordDeparture(caseId, id, now, today),
            CaseStage.DepartureBooked when state.PostArrival is null && p % 2 == 0 => new CaseCommand.RequestPostArrival(caseId, id, now, [PostArrivalService.OnwardTransport], null, null),
            CaseStage.DepartureBooked => new CaseCommand.ConfirmArrival(caseId, id, now, state.Departure!.Value < today ? today : state.Departure.Value),
            CaseStage.AwaitingPlan or CaseStage.PlanRejected => new CaseCommand.SubmitPlan(caseId, id, now, [new BudgetLine("l0", ServiceCategory.SmallBusiness, "shop", programme.Amount(100m * ((p % 20) + 1)))]),
            CaseStage.PlanPendingApproval when p % 3 == 0 => new CaseCommand.RejectPlan(caseId, id, now, state.Plan!.Version, "revise"),
            CaseStage.PlanPendingApproval => new CaseCommand.ApprovePlan(caseId, id, now, state.Plan!.Version, null),
            CaseStage.Monitoring when p % 4 == 0 => new CaseCommand.SubmitFinancialReport(caseId, id, now, [], p % 8 == 0 ? ClosureReason.Deceased : null),
            CaseStage.Monitoring => new CaseCommand.SubmitMonitoringReport(caseId, id, now, new MonitoringReport(1 + state.MonitoringReports.Count, Situation.Good, Situation.Good, Situation.Good, null, [])),
            CaseStage.Departed => new CaseCommand.SubmitFinancialReport(caseId, id, now, [], null),
            CaseStage.FinancialReported => new CaseCommand.CloseCase(caseId, id, now, ClosureReason.Completed),
            _ when p % 5 == 0 => new CaseCommand.ErasePersonalData(caseId, id, now),
            _ => new CaseCommand.ReopenCase(caseId, id, now),
        };
    }

    public sealed record Step(int Kind, int Days, int Parameter);

    public sealed record Scenario(string Programme, string Country, int FamilySize, bool Consent, Step[] Steps);
}
