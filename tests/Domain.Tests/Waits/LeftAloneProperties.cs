using FsCheck;
using FsCheck.Fluent;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Tests.Waits;

/// <summary>
/// A case taken some way through the workflow by random steps on random days, then left alone: woken only by its
/// own timers, as its orchestration would be, it always ends, on the day its wait's end falls, reminded and escalated
/// first.
/// </summary>
public class LeftAloneProperties
{
    private static readonly CaseDecider Decider = new(CaseSpec.Programmes);

    private static readonly Gen<int> Gaps =
        Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 40)), (1, Gen.Choose(41, 200)));

    private static readonly Gen<Journey> Journeys =
        from programme in Gen.Elements("drc-denmark", "eu-eurp")
        from country in Gen.Elements("UG", "SO", "IQ", "SN", "ER")
        from steps in Gen.Choose(0, 9)
        from gaps in Gen.ListOf(Gaps, 9)
        from parameter in Gen.Choose(0, 1000)
        select new Journey(programme, country, steps, [.. gaps], parameter);

    [Fact]
    public void A_case_left_alone_at_any_waiting_stage_ends_within_the_programmes_limits()
    {
        var leftIn = new HashSet<CaseStage>();
        var property = Prop.ForAll(Journeys.ToArbitrary(), journey => EndsWhenLeftAlone(journey, leftIn));

        var replay = new Replay(new Rnd(20261201UL, 13UL), Microsoft.FSharp.Core.FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(replay), property);

        // Left alone in every waiting stage at least once, or the property proves little.
        leftIn.ShouldBe(WaitingStages.All.SelectMany(w => w.Stages), ignoreOrder: true);
    }

    private static void EndsWhenLeftAlone(Journey journey, HashSet<CaseStage> leftIn)
    {
        var programme = CaseSpec.Programmes.Get(journey.Programme);
        var now = Commands.On(2026, 11, 2);
        var generation = CaseGeneration.Start("case-a").Receive(Decider, CaseMessage.Of(Application(journey, now)));
        for (var i = 0; i < journey.Steps && generation.State.Stage != CaseStage.Closed; i++)
        {
            now = now.AddDays(journey.Gaps[i]);
            if (Next(generation.State, programme, ref now, journey.Parameter + i) is { } command)
            {
                generation = generation.Receive(Decider, CaseMessage.Of(command));
            }
        }

        generation = generation.Receive(Decider, CaseMessage.Tick(now));
        var left = generation.State;
        if (WaitingStages.Of(left.Stage) is not { } wait)
        {
            left.Stage.ShouldBe(CaseStage.Closed, "every open stage is a waiting stage");
            return;
        }

        leftIn.Add(left.Stage);
        var endsAt = WaitingStages.EndsAt(left, programme).ShouldNotBeNull();
        for (var wakes = 0; generation.State.Stage != CaseStage.Closed; wakes++)
        {
            wakes.ShouldBeLessThan(200, $"left in {left.Stage}, the case never ends");
            var wake = generation.WakeAt.ShouldNotBeNull($"left in {left.Stage}, nothing is left to wake the case");
            generation = generation.Receive(Decider, CaseMessage.Tick(wake));
        }

        var ended = generation.State;
        ended.ClosedAt.ShouldBe(endsAt > now ? endsAt : now, $"left in {left.Stage}, it ends on its wait's day");
        if (endsAt > now)
        {
            ended.WasRemindedOf(wait.Reminder).ShouldBeTrue($"left in {left.Stage}, no reminder went out");
            ended.WasRemindedOf(wait.Escalation).ShouldBeTrue($"left in {left.Stage}, nothing was escalated");
        }
    }

    private static CaseCommand.SubmitApplication Application(Journey journey, DateTimeOffset at) =>
        new("case-a", "intake", at, journey.Programme, Applications.Adult(), [], journey.Country, journey.Country,
            ReturnType.Voluntary, null, journey.Parameter % 5 != 0, EligibilityFacts.Clean(), null, null);

    /// <summary>The command that moves the case on from where it stands; some need the calendar to get there.
    /// </summary>
    private static CaseCommand? Next(CaseState state, Programme programme, ref DateTimeOffset now, int p)
    {
        var id = $"step-{p}";
        var today = Deadline.DateOf(now);
        var months = programme.Deadlines.MonitoringMonths;
        switch (state.Stage)
        {
            case CaseStage.DepartureBooked when now < Deadline.StartOf(state.Departure!.Value):
                now = Deadline.StartOf(state.Departure.Value).AddHours(10);
                today = state.Departure.Value;
                break;
            case CaseStage.Monitoring when !CaseEvolution.MonitoringOver(state, months, now):
                var over = CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, months);
                now = Deadline.StartOf(over).AddHours(10).AddDays(p % 20);
                break;
        }

        var (at, caseId, version) = (now, state.CaseId, state.Plan?.Version ?? 0);
        var booked = today.AddDays(6 + (p % 9));
        var line = new BudgetLine("l0", ServiceCategory.SmallBusiness, "shop", programme.Amount(100m * (1 + (p % 10))));
        return state.Stage switch
        {
            CaseStage.AwaitingDecision => new CaseCommand.DecideEligibility(caseId, id, at, p % 9 != 0, "reason"),
            CaseStage.AwaitingDeparture => new CaseCommand.BookDeparture(caseId, id, at, booked, null),
            CaseStage.DepartureBooked when state.HasPartner => new CaseCommand.ConfirmArrival(caseId, id, at, today),
            CaseStage.DepartureBooked => new CaseCommand.RecordDeparture(caseId, id, at, today),
            CaseStage.AwaitingPlan or CaseStage.PlanRejected => new CaseCommand.SubmitPlan(caseId, id, at, [line]),
            CaseStage.PlanPendingApproval when p % 3 == 0 => new CaseCommand.RejectPlan(caseId, id, at, version, "no"),
            CaseStage.PlanPendingApproval => new CaseCommand.ApprovePlan(caseId, id, at, version, null),
            CaseStage.Monitoring or CaseStage.Departed =>
                new CaseCommand.SubmitFinancialReport(caseId, id, at, [], null),
            _ => null,
        };
    }

    public sealed record Journey(string Programme, string Country, int Steps, int[] Gaps, int Parameter);
}
