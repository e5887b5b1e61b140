using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Runtime;

public class JustLoadedTests
{
    [Fact]
    public async Task A_case_the_caller_read_before_another_commit_costs_a_retry_not_an_update()
    {
        var system = new InMemoryCaseSystem(Day0);
        await system.HandleAsync(Drc());
        var readForAccessCheck = (await system.Store.LoadAsync("case-1"))!;
        (await system.HandleAsync(new CaseCommand.RaiseAlert("case-1", "alert-1", Day0, AlertKind.EmailBounced, "x"))).Outcome.ShouldBe(CommandOutcome.Accepted);

        var late = await system.Runtime.HandleAsync(new CaseCommand.RaiseAlert("case-1", "alert-2", Day0, AlertKind.EmailBounced, "y"), readForAccessCheck);

        late.Outcome.ShouldBe(CommandOutcome.Accepted);
        (await system.CaseAsync("case-1")).Alerts.ShouldBe(2);
        (await system.Store.ReadEventsAsync("case-1")).Select(e => e.Version).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task A_command_already_handled_is_a_duplicate_also_with_the_callers_read()
    {
        var system = new InMemoryCaseSystem(Day0);
        await system.HandleAsync(Drc());
        var alert = new CaseCommand.RaiseAlert("case-1", "alert-1", Day0, AlertKind.EmailBounced, "x");
        await system.HandleAsync(alert);

        (await system.Runtime.HandleAsync(alert, await system.Store.LoadAsync("case-1"))).Outcome.ShouldBe(CommandOutcome.Duplicate);
    }
}
