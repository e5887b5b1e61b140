using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Outbox;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

namespace Reintegration.FaultRun;

/// <summary>One verdict of a run.</summary>
public sealed record FaultCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Reads what the run left in storage (with the product's own storage types, the app stopped) and holds it against the
/// fault-free reference: stages, event streams, the dev outbox, the case outboxes, the timer index and the work queue.
/// </summary>
public static class FaultChecks
{
    private const int Shown = 5;

    public static async Task<IReadOnlyList<FaultCheck>> RunAsync(string connectionString, IReadOnlyList<string> caseIds, ReferenceCase reference, DateTimeOffset now)
    {
        var account = StorageAccount.FromConnectionString(connectionString);
        var store = new TableCaseStore(account.Table("cases"));
        var checks = new List<FaultCheck>();
        string Absolute(string relative, string caseId) => relative.Replace(ReferenceCase.CaseToken, caseId, StringComparison.Ordinal);

        // 1. Every case at the reference's final stage.
        var wrongStage = new List<string>();
        var wrongEvents = new List<string>();
        long events = 0;
        foreach (var caseId in caseIds)
        {
            var stored = await store.LoadAsync(caseId);
            if (stored?.State.Stage != reference.FinalStage)
            {
                wrongStage.Add($"{caseId}: {stored?.State.Stage.ToString() ?? "missing"}");
            }

            // 2. Versions 1..n with no gap or repeat, and exactly the reference's events in its order: nothing lost, nothing twice.
            var stream = await store.ReadEventsAsync(caseId);
            events += stream.Count;
            var versions = stream.Select(e => e.Version).ToList();
            var types = stream.OrderBy(e => e.Version).Select(e => e.Event.GetType().Name).ToList();
            if (!versions.SequenceEqual(Enumerable.Range(1, stream.Count).Select(v => (long)v)) || stored?.State.Version != stream.Count)
            {
                wrongEvents.Add($"{caseId}: versions {string.Join(",", versions)} (snapshot {stored?.State.Version})");
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

        // 4. No case outbox row left behind.
        var pending = await store.PendingEffectsAsync(10_000);
        checks.Add(Check("case outboxes empty (every effect ran and was marked done)", [.. pending.Select(p => $"{p.CaseId}: {p.Effect.EffectId} ({p.Effect.GetType().Name})")], $"{pending.Count} pending"));

        // 5. No timer lost. A timer that changed its case in the reference must have fired here too: its FireTimer command
        //    id is recorded with the commit. One that fired into a state that had moved on leaves no record; that it was
        //    set (outbox empty), swept (index below), and handled (queue below) is what shows it was not lost.
        var notFired = new List<string>();
        var fired = 0;
        foreach (var caseId in caseIds)
        {
            foreach (var timer in reference.TimersWithEvents)
            {
                var id = Absolute(timer, caseId);
                if (await store.WasProcessedAsync(caseId, "timer:" + id))
                {
                    fired++;
                }
                else
                {
                    notFired.Add(id);
                }
            }
        }

        checks.Add(Check("no timer lost: every timer that acts in the reference fired once (its command recorded)", notFired,
            $"{fired} timers fired and acted, {reference.TimersSet.Count - reference.TimersWaiting.Count - reference.TimersWithEvents.Count} per case fired into a moved-on state"));
        var indexed = new List<(string TimerId, DateTimeOffset DueAt)>();
        // One table per due day (TableTimerIndex): read every day from well before the run to past the retention timers.
        var index = new TableTimerIndex(account);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var day = today.AddDays(-500); day <= today.AddYears(3); day = day.AddDays(1))
        {
            try
            {
                await foreach (var row in account.Table(index.DayTableName(day)).QueryAsync<TableEntity>())
                {
                    indexed.Add(($"{row.GetString("CaseId")}:{row.GetString("Kind")}:{row.GetInt32("Round")}", row.GetDateTimeOffset("DueAt")!.Value));
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No timers were ever set for that day.
            }
        }

        var waiting = caseIds.SelectMany(id => reference.TimersWaiting.Select(t => Absolute(t, id))).ToHashSet(StringComparer.Ordinal);
        var wrongIndex = indexed.Where(t => !waiting.Contains(t.TimerId) || t.DueAt <= now).Select(t => $"{t.TimerId} due {t.DueAt:O}")
            .Concat(waiting.Where(w => !indexed.Any(t => t.TimerId == w)).Select(w => "not indexed " + w)).ToList();
        checks.Add(Check("timer index: exactly the future timers (retention), none due", wrongIndex, $"{indexed.Count} waiting"));

        // 6. Nothing left on the work queue or set aside as poison.
        var left = (await account.Queue("casework").GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var poison = await PoisonCountAsync(account.Queue("casework-poison"));
        checks.Add(Check("work queue empty, poison queue empty", left + poison == 0 ? [] : [$"{left} queued, {poison} poisoned"], $"{left} queued, {poison} poisoned"));
        return checks;
    }

    private static async Task<long> PoisonCountAsync(QueueClient queue)
    {
        try
        {
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    private static FaultCheck Check(string name, IReadOnlyList<string> problems, string figures) =>
        new(name, problems.Count == 0, problems.Count == 0 ? figures : $"{problems.Count} wrong, e.g. {string.Join("; ", problems.Take(Shown))}");
}
