using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Statistics;

/// <summary>How cases are grouped for the programme officer.</summary>
public enum StatisticsGrouping
{
    Programme,
    Country,
    Partner,
}

/// <summary>Figures for one group of cases: anonymous counts and sums only.</summary>
public sealed record GroupStatistics(
    string Group,
    int Cases,
    IReadOnlyDictionary<CaseStage, int> CasesPerStage,
    IReadOnlyDictionary<CaseStage, double> MedianDaysPerStage,
    IReadOnlyList<Money> BudgetPlanned,
    IReadOnlyList<Money> BudgetSpent,
    int MonitoringReportsDue,
    int MonitoringReportsOnTime,
    int MonitoringReportsLate,
    int MonitoringReportsMissing);

/// <summary>Computes the RIAT-style figures from case snapshots: stages, time in stage, budgets, monitoring punctuality.</summary>
public static class CaseStatistics
{
    public static IReadOnlyList<GroupStatistics> Compute(IEnumerable<CaseState> cases, ProgrammeCatalog programmes, StatisticsGrouping grouping, DateTimeOffset now) =>
        cases.Where(c => c.File is not null)
            .GroupBy(c => grouping switch
            {
                StatisticsGrouping.Programme => c.File!.ProgrammeId,
                StatisticsGrouping.Country => c.File!.CountryOfReturn,
                _ => c.File!.PartnerId ?? "(no partner)",
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, [.. g], programmes, now))
            .ToList();

    private static GroupStatistics Group(string key, IReadOnlyList<CaseState> cases, ProgrammeCatalog programmes, DateTimeOffset now)
    {
        var durations = new Dictionary<CaseStage, List<double>>();
        foreach (var state in cases)
        {
            for (var i = 0; i < state.StageHistory.Count; i++)
            {
                var entry = state.StageHistory[i];
                var left = i + 1 < state.StageHistory.Count ? state.StageHistory[i + 1].EnteredAt : (entry.Stage == CaseStage.Closed ? entry.EnteredAt : now);
                if (entry.Stage != CaseStage.Closed)
                {
                    (durations.TryGetValue(entry.Stage, out var list) ? list : durations[entry.Stage] = []).Add((left - entry.EnteredAt).TotalDays);
                }
            }
        }

        var (due, onTime, late, missing) = (0, 0, 0, 0);
        foreach (var state in cases.Where(c => c.ArrivedOn is not null))
        {
            var deadlines = programmes.Get(state.File!.ProgrammeId).Deadlines;
            for (var month = 1; month <= deadlines.MonitoringMonths; month++)
            {
                var dueAt = Calendar.Deadline.StartOf(CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, month));
                if (dueAt > now)
                {
                    break;
                }

                due++;
                var lateAfter = dueAt.AddDays(deadlines.MonitoringReportOverdueAfterDays);
                if (state.MonitoringReportedAt.TryGetValue(month, out var reportedAt))
                {
                    _ = reportedAt <= lateAfter ? onTime++ : late++;
                }
                else if (now > lateAfter)
                {
                    missing++;
                }
            }
        }

        return new GroupStatistics(
            key,
            cases.Count,
            cases.GroupBy(c => c.Stage).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            durations.OrderBy(d => d.Key).ToDictionary(d => d.Key, d => Math.Round(Median(d.Value), 1)),
            Totals(cases.Where(c => c.Plan is { Status: PlanStatus.Approved }).Select(c => c.Plan!.Total)),
            Totals(cases.SelectMany(c => c.FinancialReport ?? []).Select(l => l.Actual)),
            due,
            onTime,
            late,
            missing);
    }

    private static IReadOnlyList<Money> Totals(IEnumerable<Money> amounts) =>
        amounts.GroupBy(m => m.Currency).OrderBy(g => g.Key).Select(g => Money.Sum(g, g.Key)).ToList();

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
