using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Statistics;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Runtime;

public class StatisticsTests
{
    [Fact]
    public async Task Figures_count_stages_time_in_stage_budgets_and_monitoring_punctuality()
    {
        var system = new InMemoryCaseSystem(On(2026, 11, 2));
        await system.HandleAsync(Drc(at: system.Now));
        await system.HandleAsync(Drc(caseId: "case-2", at: system.Now));
        await system.AdvanceToAsync(On(2026, 11, 6));
        await system.HandleAsync(Approve(system.Now));
        await system.HandleAsync(Book(new DateOnly(2026, 12, 10), system.Now));
        await system.AdvanceToAsync(On(2026, 12, 11));
        await system.HandleAsync(Arrive(new DateOnly(2026, 12, 10), system.Now));
        await system.HandleAsync(Plan(system.Now, Currency.DKK, 15000m));
        await system.HandleAsync(ApprovePlanVersion(1, system.Now));
        await system.AdvanceToAsync(On(2027, 1, 12));
        await system.HandleAsync(Report(1, system.Now));
        await system.AdvanceToAsync(On(2027, 3, 1));
        await system.HandleAsync(Report(2, system.Now));

        var figures = CaseStatistics.Compute(system.Store.AllCases(), Support.CaseSpec.Programmes, StatisticsGrouping.Programme, system.Now).Single();

        figures.Group.ShouldBe("drc-denmark");
        figures.Cases.ShouldBe(2);
        figures.CasesPerStage[CaseStage.Monitoring].ShouldBe(1);
        figures.CasesPerStage[CaseStage.Closed].ShouldBe(1);
        figures.MedianDaysPerStage[CaseStage.AwaitingDecision].ShouldBe(9.0); // 4 days (decided) and 14 (lapsed)
        figures.BudgetPlanned.ShouldBe([new Money(15000m, Currency.DKK)]);
        (figures.MonitoringReportsDue, figures.MonitoringReportsOnTime, figures.MonitoringReportsLate).ShouldBe((2, 1, 1));
    }
}
