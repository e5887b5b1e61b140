using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Runtime;

public class TimerSweepTests
{
    [Fact]
    public async Task A_parallel_sweep_fires_every_timer_once_and_each_case_in_due_order()
    {
        var system = new InMemoryCaseSystem(Day0);
        var ids = Enumerable.Range(0, 30).Select(i => $"case-{i:D2}").ToList();
        foreach (var id in ids)
        {
            (await system.HandleAsync(Drc(caseId: id))).Outcome.ShouldBe(CommandOutcome.Accepted);
        }

        // The 5-day reminder, the 10-day escalation and the 14-day lapse are due at once: a case sees them in order.
        system.Clock.AdvanceTo(Day0.AddDays(30));
        var fired = await new TimerSweep(system.Timers, system.Runtime, system.Clock, parallelCases: 4).RunAsync(batch: 7);

        fired.ShouldBe(90);
        system.Timers.All().ShouldAllBe(t => t.Kind == TimerKind.RetentionErasure && t.DueAt > system.Now);
        foreach (var id in ids)
        {
            var templates = system.Messages.Sent.OfType<CaseEffect.SendEmail>().Where(e => e.CaseId == id).Select(e => e.Template);
            templates.ShouldBe(
            [
                EmailTemplate.DecisionRequested, EmailTemplate.DecisionReminder, EmailTemplate.DecisionEscalated,
                EmailTemplate.ApplicationLapsed,
            ]);
            (await system.CaseAsync(id)).Closure.ShouldBe(ClosureReason.Lapsed);
        }
    }
}
