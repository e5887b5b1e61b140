using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Tests.Support;

/// <summary>Given(events).When(command).Then(events) for the decider.</summary>
public sealed class CaseSpec
{
    public static readonly ProgrammeCatalog Programmes = ProgrammeCatalog.Shipped();
    public static readonly CaseDecider Decider = new(Programmes);

    private CaseState state;
    private Decision? decision;

    private CaseSpec(CaseState state) => this.state = state;

    public CaseState State => state;

    public Decision Decision => decision ?? throw new InvalidOperationException("Call When first.");

    /// <summary>Starts from the state the commands leave (each must be accepted).</summary>
    public static CaseSpec Given(params CaseCommand[] commands)
    {
        var spec = new CaseSpec(CaseState.Empty(commands.Length > 0 ? commands[0].CaseId : "case-1"));
        foreach (var command in commands)
        {
            var result = Decider.Decide(command, spec.state);
            result.Rejection.ShouldBeNull($"given {command.GetType().Name} was rejected: {result.Rejection}");
            spec.state = result.Events.Aggregate(spec.state, CaseEvolution.Evolve);
        }

        return spec;
    }

    public CaseSpec When(CaseCommand command)
    {
        decision = Decider.Decide(command, state);
        state = decision.Events.Aggregate(state, CaseEvolution.Evolve);
        return this;
    }

    public CaseSpec Then(params CaseEvent[] expected)
    {
        Decision.Rejection.ShouldBeNull();
        Decision.Events.ShouldMatch(expected);
        return this;
    }

    public CaseSpec ThenNothing()
    {
        Decision.Rejection.ShouldBeNull();
        Decision.Events.ShouldBeEmpty();
        Decision.Effects.ShouldBeEmpty();
        return this;
    }

    public Rejection ThenRejected(string code)
    {
        var rejection = Decision.Rejection.ShouldNotBeNull();
        rejection.Code.ShouldBe(code, rejection.Message);
        Decision.Events.ShouldBeEmpty();
        return rejection;
    }

    public CaseSpec ThenStage(CaseStage stage)
    {
        state.Stage.ShouldBe(stage);
        return this;
    }

    /// <summary>A timer of the case's current wait, as the decision that began the wait set it.</summary>
    public CaseTimer WaitTimer(TimerKind kind, DateTimeOffset dueAt) =>
        new(state.CaseId, kind, (int)state.WaitSince, dueAt);

    /// <summary>The timers the last decision set, as (kind, due).</summary>
    public IReadOnlyList<(TimerKind Kind, DateTimeOffset DueAt)> Timers() =>
        [.. Effects<CaseEffect.ScheduleTimer>().Select(t => (t.Timer.Kind, t.Timer.DueAt))];

    public IReadOnlyList<T> Effects<T>()
        where T : CaseEffect => Decision.Effects.OfType<T>().ToList();
}
