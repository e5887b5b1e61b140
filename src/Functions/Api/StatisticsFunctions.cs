using Microsoft.Azure.Functions.Worker;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Statistics;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Api;

/// <summary>
/// Anonymous figures by programme, country or partner. Computed from the snapshots of the cases the caller may see
/// (a partner: its own); a read per case, fine for thousands of cases — a statistics projection updated by each case
/// projection is the step beyond that.
/// </summary>
public sealed class StatisticsFunctions
{
    [Function("GetStatistics")]
    public async Task<IResult> GetStatisticsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "statistics")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (await Access.CallerAsync(http) is { } refused)
        {
            return refused;
        }

        var services = http.RequestServices;
        var (index, store) = (services.GetRequiredService<ICaseIndex>(), services.GetRequiredService<ICaseReadModel>());
        var (programmes, clock) = (services.GetRequiredService<ProgrammeCatalog>(), services.GetRequiredService<TimeProvider>());
        var groupBy = request.Query.TryGetValue("groupBy", out var asked) ? asked.ToString() : null;
        var grouping = StatisticsGrouping.Programme;
        if (groupBy is not null && !Choices.TryParse(groupBy, out grouping))
        {
            return Problems.Invalid([new FieldProblem("groupBy", "must be programme, country or partner")]);
        }

        var cases = await VisibleCases.LoadAsync(http.User, index, store, http.RequestAborted);

        var figures = CaseStatistics.Compute(cases, programmes, grouping, clock.GetUtcNow());
        return Results.Ok(new
        {
            groupBy = Choices.Kebab(grouping),
            asOf = clock.GetUtcNow(),
            groups = figures.Select(f => new
            {
                group = f.Group,
                cases = f.Cases,
                casesPerStage = f.CasesPerStage.ToDictionary(s => Choices.Kebab(s.Key), s => s.Value),
                medianDaysPerStage = f.MedianDaysPerStage.ToDictionary(s => Choices.Kebab(s.Key), s => s.Value),
                budgetPlanned = f.BudgetPlanned,
                budgetSpent = f.BudgetSpent,
                monitoringReports = new { due = f.MonitoringReportsDue, onTime = f.MonitoringReportsOnTime, late = f.MonitoringReportsLate, missing = f.MonitoringReportsMissing },
            }),
        });
    }
}
