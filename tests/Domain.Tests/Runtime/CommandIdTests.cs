using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Runtime;

/// <summary>
/// A command id is recorded only with the events it appended: a refused command leaves no trace, so a corrected resend
/// under the same id is decided afresh; once accepted, any resend under that id is a duplicate, whatever it holds.
/// </summary>
public class CommandIdTests
{
    [Fact]
    public async Task Given_a_refused_command_When_a_corrected_one_comes_with_the_same_id_Then_it_is_accepted()
    {
        var system = new InMemoryCaseSystem(Day0);
        await system.HandleAsync(Drc());

        var refused = await system.HandleAsync(new CaseCommand.DecideEligibility("case-1", "key-1", Day0, false, null));
        refused.Rejection.ShouldNotBeNull().Code.ShouldBe("reason-required");
        var corrected = await system.HandleAsync(
            new CaseCommand.DecideEligibility("case-1", "key-1", Day0, false, "no passport"));

        corrected.Outcome.ShouldBe(CommandOutcome.Accepted);
        (await system.CaseAsync("case-1")).DecisionReason.ShouldBe("no passport");
    }

    [Fact]
    public async Task Given_an_accepted_command_When_other_content_comes_with_the_same_id_Then_it_is_a_duplicate()
    {
        var system = new InMemoryCaseSystem(Day0);
        await system.HandleAsync(Drc());
        (await system.HandleAsync(new CaseCommand.DecideEligibility("case-1", "key-1", Day0, true, null)))
            .Outcome.ShouldBe(CommandOutcome.Accepted);
        var before = await system.CaseAsync("case-1");

        var resend = await system.HandleAsync(
            new CaseCommand.DecideEligibility("case-1", "key-1", Day0, false, "changed mind"));

        resend.Outcome.ShouldBe(CommandOutcome.Duplicate);
        (await system.CaseAsync("case-1")).ShouldBe(before);
    }
}
