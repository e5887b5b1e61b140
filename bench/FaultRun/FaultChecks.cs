using DurableTask.AzureStorage;
using DurableTask.Core;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Outbox;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

namespace Reintegration.FaultRun;

/// <summary>One verdict of a run.</summary>
public sealed record FaultCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Reads what the run left in storage (with the product's own storage types, the app stopped) and holds it against the
/// fault-free reference: stages, event streams, the dev outbox, and each case's orchestration in the task hub.
/// </summary>
public static class FaultChecks
{
    private const int Shown = 5;

    /// <summary>The app's task hub with no storage prefix (docs/RELIABILITY.md).</summary>
    private const string TaskHub = "cases";

    public static async Task<IReadOnlyList<FaultCheck>> RunAsync(string connectionString, IReadOnlyList<string> caseIds, ReferenceCase reference, DateTimeOffset now)
    {
        var account = StorageAccount.FromConnectionString(connectionString);
        var store = new TableReadModel(account.Table("cases"));
        var checks = new List<FaultCheck>();
        string Absolute(string relative, string caseId) => relative.Replace(ReferenceCase.CaseToken, caseId, StringComparison.Ordinal);

        // 1. Every case at the reference's final stage.
        var wrongStage = new List<string>();
        var wrongEvents = new List<string>();
        long events = 0;
        foreach (var caseId in caseIds)
        {
            var stored = await store.ReadAsync(caseId);
            if (stored?.Stage != reference.FinalStage)
            {
                wrongStage.Add($"{caseId}: {stored?.Stage.ToString() ?? "missing"}");
            }

            // 2. Versions 1..n with no gap or repeat, and exactly the reference's events in its order: nothing lost, nothing twice.
            var stream = await store.ReadEventsAsync(caseId);
            events += stream.Count;
            var versions = stream.Select(e => e.Version).ToList();
            var types = stream.OrderBy(e => e.Version).Select(e => e.Event.GetType().Name).ToList();
            if (!versions.SequenceEqual(Enumerable.Range(1, stream.Count).Select(v => (long)v)) || stored?.Version != stream.Count)
            {
                wrongEvents.Add($"{caseId}: versions {string.Join(",", versions)} (snapshot {stored?.Version})");
            }
            else if (!types.SequenceEqual(reference.EventTypes))
            {
                var at = Enumerable.Range(0, Math.Min(types.Count, reference.EventTypes.Count)).FirstOrDefault(i => types[i] != reference.EventTypes[i], Math.Min(types.Count, reference.EventTypes.Count));
                wrongEvents.Add($"{caseId}: {types.Count} events, expected {reference.EventTypes.Count}; first difference at version {at + 1}: " +
                    $"{(at < types.Count ? types[at] : "none")} instead of {(at < reference.EventTypes.Count ? reference.EventTypes[at] : "none")}");
            }
        }

        checks.Add(Check($"every case {reference.FinalStage}", wrongStage, $"{caseIds.Count} cases"));
        checks.Add(Check("event streams: contiguous versions, the reference's events once each, in order", wrongEvents,
            $"{events} events, {reference.EventTypes.Count} per case ({reference.EventTypes.Count(t => t == "ReminderSent")} reminders)"));

        // 3. The dev outbox: exactly the committed e-mail and notice effects, each once; nothing else.
        var outbox = await new BlobDevOutbox(account.Container("devoutbox"), TimeProvider.System).ListAsync();
        var expected = caseIds.SelectMany(id => reference.MessageEffects.Select(e => Absolute(e, id))).ToHashSet(StringComparer.Ordinal);
        var delivered = outbox.GroupBy(e => e.Message.EffectId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Where(id => !delivered.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var twice = delivered.Where(d => d.Value > 1).Select(d => $"{d.Key} ×{d.Value}").ToList();
        var extra = delivered.Keys.Where(id => !expected.Contains(id)).Order(StringComparer.Ordinal).ToList();
        checks.Add(Check("dev outbox: every committed e-mail/notice effect exactly once", [.. missing.Select(m => "missing " + m), .. twice.Select(t => "twice " + t)],
            $"{outbox.Count} e-mails, {expected.Count} expected ({reference.MessageEffects.Count} per case)"));
        checks.Add(Check("dev outbox: nothing that was not committed", [.. extra.Select(e => "extra " + e)], $"{extra.Count} extra"));

        // 4. Every case's orchestration (read from the task hub, the app stopped): running, its effects all run, its
        //    events all projected, and exactly the reference's waiting timers (retention), none due. A timer that acts in
        //    the reference shows in the event streams above; one left pending here would show in this check.
        var wrongInstances = new List<string>();
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = TaskHub,
        });
        var timers = 0;
        foreach (var caseId in caseIds)
        {
            var state = (await service.GetOrchestrationStateAsync(caseId, allExecutions: false)).FirstOrDefault();
            if (state?.OrchestrationStatus is not (OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew))
            {
                wrongInstances.Add($"{caseId}: {state?.OrchestrationStatus.ToString() ?? "no instance"}");
                continue;
            }

            var generation = (CaseGeneration)CaseJsonConverters.Core.Deserialize(state.Input, typeof(CaseGeneration));
            var waiting = reference.TimersWaiting.Select(t => Absolute(t, caseId)).ToHashSet(StringComparer.Ordinal);
            timers += generation.Timers.Count;
            if (!generation.Pending.IsEmpty || !generation.Unprojected.IsEmpty)
            {
                wrongInstances.Add(
                    $"{caseId}: {generation.Pending.Count} effects pending, {generation.Unprojected.Count} unprojected");
            }
            else if (!generation.Timers.Select(t => t.TimerId).ToHashSet(StringComparer.Ordinal).SetEquals(waiting)
                || generation.Timers.Any(t => t.DueAt <= now))
            {
                var timersLeft = string.Join(",", generation.Timers.Select(t => $"{t.TimerId}@{t.DueAt:O}"));
                wrongInstances.Add($"{caseId}: timers {timersLeft}");
            }
        }

        checks.Add(Check(
            "orchestrations running, nothing pending or unprojected, exactly the future timers (retention)",
            wrongInstances, $"{caseIds.Count} instances, {timers} timers waiting"));
        return checks;
    }

    private static FaultCheck Check(string name, IReadOnlyList<string> problems, string figures) =>
        new(name, problems.Count == 0, problems.Count == 0 ? figures : $"{problems.Count} wrong, e.g. {string.Join("; ", problems.Take(Shown))}");
}
