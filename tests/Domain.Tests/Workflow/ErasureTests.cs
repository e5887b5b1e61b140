using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Statistics;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

public class ErasureTests
{
    private static CaseCommand.ErasePersonalData Erase(DateTimeOffset at) => new("case-1", $"erase@{at:O}", at);

    [Fact]
    public void Open_case_is_not_erased() =>
        CaseSpec.Given(Drc()).When(Erase(Day0)).ThenRejected("not-accepted-in-stage");

    [Fact]
    public void Closed_case_is_erased_once_keeping_what_statistics_need()
    {
        var spec = CaseSpec.Given(Drc(family: FamilyOfFour()), new CaseCommand.CloseCase("case-1", "w", Day0, ClosureReason.Withdrawn))
            .When(Erase(Day0.AddDays(1)))
            .Then(new CaseEvent.PersonalDataErased(Day0.AddDays(1)));
        spec.Effects<CaseEffect.ErasePersonalHistory>().ShouldHaveSingleItem();
        var file = spec.State.File!;
        file.Everyone.ShouldAllBe(p => p.Name == PersonalData.Erased);
        file.CounsellingNote.ShouldBeNull();
        (file.Adults, file.Minors, file.ProgrammeId, file.CountryOfReturn).ShouldBe((2, 2, "drc-denmark", "UG"));
        spec.State.Closure.ShouldBe(ClosureReason.Withdrawn);

        spec.When(Erase(Day0.AddDays(2)) with { CommandId = "again" }).ThenNothing();
    }

    [Fact]
    public async Task Erasure_rewrites_the_stored_history_and_the_figures_still_count_the_case()
    {
        var system = new InMemoryCaseSystem(Day0);
        await system.HandleAsync(Drc(family: FamilyOfFour()));
        await system.HandleAsync(new CaseCommand.CloseCase("case-1", "w", Day0, ClosureReason.Withdrawn));
        (await system.HandleAsync(Erase(Day0.AddDays(1)))).Rejection.ShouldBeNull();

        var history = Json.Of((await system.Store.ReadEventsAsync("case-1")).Select(e => (object)e.Event).ToList());
        history.ShouldNotContain("Amina");
        history.ShouldNotContain("Confidential counselling note");
        history.ShouldNotContain("1990-03-14");
        Json.Of(await system.CaseAsync("case-1")).ShouldNotContain("Amina");
        CaseStatistics.Compute(system.Store.AllCases(), CaseSpec.Programmes, StatisticsGrouping.Country, system.Now).Single().Cases.ShouldBe(1);
    }
}
