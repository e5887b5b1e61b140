using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
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

    [Fact]
    public async Task Erasure_removes_the_eligibility_facts_and_the_pre_check_and_the_figures_keep_their_counts()
    {
        var system = new InMemoryCaseSystem(Day0);
        var facts = EligibilityFacts.Clean("asylum-finally-refused")
            with { Conviction = Conviction.Minor, OpenResidencePermitCase = true };
        await system.HandleAsync(Drc(family: FamilyOfFour(), facts: facts));
        await system.HandleAsync(new CaseCommand.CloseCase("case-1", "w", Day0, ClosureReason.Withdrawn));
        GroupStatistics Figures() => CaseStatistics
            .Compute(system.Store.AllCases(), CaseSpec.Programmes, StatisticsGrouping.Country, system.Now).Single();
        var before = Figures();
        Json.Of(await system.CaseAsync("case-1")).ShouldContain("serious-crime");

        (await system.HandleAsync(Erase(Day0.AddDays(1)))).Rejection.ShouldBeNull();

        var history = Json.Of((await system.Store.ReadEventsAsync("case-1")).Select(e => (object)e.Event).ToList());
        var snapshot = Json.Of(await system.CaseAsync("case-1"));
        foreach (var stored in new[] { history, snapshot })
        {
            stored.ShouldNotContain("serious-crime");
            stored.ShouldNotContain("open-residence-permit-case");
            stored.ShouldNotContain("asylum-finally-refused");
            stored.ShouldNotContain("\"Conviction\"");
        }

        var state = await system.CaseAsync("case-1");
        (state.PreCheck, state.File!.Facts).ShouldBe((null, null));
        var after = Figures();
        (after.Cases, Json.Of(after.CasesPerStage), Json.Of(after.MedianDaysPerStage))
            .ShouldBe((before.Cases, Json.Of(before.CasesPerStage), Json.Of(before.MedianDaysPerStage)));
        (state.File.Adults, state.File.Minors).ShouldBe((2, 2));
    }
}
