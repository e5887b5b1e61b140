using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

/// <summary>
/// The case orchestration under load on Azurite: <c>cases</c> cases, each command one projection to the case table and
/// one e-mail activity (a processing alert e-mails the counsellor), offered at <c>rate</c> commands/s for
/// <c>seconds</c>. Prints commands/s completed and command → e-mail latency (p50, p99). Commands to one case are
/// spaced, so the k-th e-mail of a case answers its k-th command.
/// </summary>
public static class DurableLoad
{
    public static async Task RunAsync(string connection, int cases, double rate, int seconds, int longestPollMs = 1000)
    {
        var account = StorageAccount.FromConnectionString(connection);
        var table = account.Table("durablecases" + Environment.ProcessId);
        await table.CreateIfNotExistsAsync();
        var readModel = new TableReadModel(table);
        var sender = new TimedSender();
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        var parts = CaseOrchestrationParts.Of(
            decider, readModel, new InMemoryCaseIndex(), TimeProvider.System, sender, new Reintegration.Functions.Hosting.NoDocuments());
        var poll = TimeSpan.FromMilliseconds(longestPollMs);
        Console.WriteLine($"{cases} cases, offering {rate} commands/s for {seconds} s, longest queue poll {longestPollMs} ms, " +
            $"{Environment.ProcessorCount} cores");
        double caseRate;
        var events = new ProviderEvents();
        await using var stalls = EmulatorStalls.Watch(connection);
        await using (var hub = await LocalTaskHub.StartAsync(
            connection, "load" + Environment.ProcessId, parts, events.Factory(), poll))
        {
            // Case time far ahead of real time: no case timer comes due during the run.
            var day0 = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
            caseRate = await OfferAsync("case orchestration", cases, rate, seconds, sender, stalls, id =>
            {
                var applied = CaseGeneration.Start(id).Receive(decider, CaseMessage.Of(new CaseCommand.SubmitApplication(
                    id, id + ":intake", day0, "drc-denmark",
                    new Person("(load)", new DateOnly(1990, 1, 1), Relationship.Applicant, false),
                    [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null)));
                return hub.StartAsync(id, applied);
            }, (id, n) => hub.SendAsync(id, CaseMessage.Of(
                new CaseCommand.RaiseAlert(id, $"load-{n}", day0.AddMinutes(n), AlertKind.ProcessingFailed, "load"))));
        }

        PrintProviderEvents(events);

        var bareTable = account.Table("barecases" + Environment.ProcessId);
        await bareTable.CreateIfNotExistsAsync();
        var bareSender = new TimedSender();
        await using var bare = await BareHub.StartAsync(
            connection, "bare" + Environment.ProcessId, bareTable, bareSender.SendAsync, poll, events.Factory());
        var bareRate = await OfferAsync("bare orchestration (a table write and an e-mail activity a command)", cases, rate,
            seconds, bareSender, stalls, async id =>
            {
                await bare.StartAsync(id); // its first generation sends the "intake" e-mail, as a case's does
                return true;
            }, (id, n) => bare.SendAsync(id, n + 1));
        PrintProviderEvents(events);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio case / bare orchestration: {caseRate / bareRate:0.00} ({caseRate:0.0} / {bareRate:0.0} commands/s)"));
    }

    private static void PrintProviderEvents(ProviderEvents events)
    {
        Console.WriteLine($"  provider: {events.Count(118)} messages received out of order and put back (event 118), " +
            $"{events.Count(139)} discards (event 139)");
        events.Reset();
    }

    /// <summary>Starts the cases, offers the commands at the rate, waits for their e-mails; returns commands/s completed.</summary>
    private static async Task<double> OfferAsync(
        string what, int cases, double rate, int seconds, TimedSender sender, EmulatorStalls stalls, Func<string, Task<bool>> start,
        Func<string, int, Task> send)
    {
        var ids = Enumerable.Range(0, cases).Select(i => $"load-{i:D5}").ToList();
        PrintMemory($"{what}: before its cases");
        foreach (var id in ids)
        {
            await start(id);
        }

        await WaitAsync(() => sender.Count >= cases, TimeSpan.FromMinutes(5));
        PrintMemory($"{what}: {cases} cases started");
        var started = sender.Count;
        var loadBefore = LoadAverage();
        var pausedBefore = GC.GetTotalPauseDuration();
        var sent = new ConcurrentDictionary<string, List<long>>();
        var offeredFrom = Stopwatch.GetTimestamp();
        var total = (int)(rate * seconds);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            if (due - Stopwatch.GetElapsedTime(offeredFrom) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            var id = ids[n % cases];
            sent.GetOrAdd(id, _ => []).Add(Stopwatch.GetTimestamp());
            _ = send(id, n);
        }

        var offeredFor = Stopwatch.GetElapsedTime(offeredFrom);
        await WaitAsync(() => sender.Count >= started + total, TimeSpan.FromMinutes(10));
        var drained = Stopwatch.GetElapsedTime(offeredFrom);
        var timed = sender.AfterIntake(cases).SelectMany(c => c.Value.Zip(sent.GetValueOrDefault(c.Key, []),
            (mail, cmd) => (SentAt: Stopwatch.GetElapsedTime(offeredFrom, cmd), Ms: Stopwatch.GetElapsedTime(cmd, mail).TotalMilliseconds,
                Stalled: stalls.Overlaps(cmd, mail)))).ToList();
        var latencies = timed.Select(t => t.Ms).Order().ToList();
        var completed = latencies.Count / drained.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: completed {latencies.Count} of {total} in {drained.TotalSeconds:0.0} s " +
            $"(offered over {offeredFor.TotalSeconds:0.0} s): {completed:0.0} commands/s; command → e-mail " +
            $"p50 {Percentile(latencies, 0.5):0} ms, p99 {Percentile(latencies, 0.99):0} ms"));
        // Where a tail comes from: the machine's load when the offer began, the app's GC pauses during it, and when in
        // the run the slowest commands were sent (all at the start points at warm-up; spread out, at something else).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load average before {loadBefore}, after {LoadAverage()}; GC pauses {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:0} ms; " +
            $"slowest: {string.Join(", ", timed.OrderByDescending(t => t.Ms).Take(5).Select(t => $"{t.Ms:0} ms sent at {t.SentAt.TotalSeconds:0.0} s"))}"));
        // Beside it, the commands that did not wait through a stall of the emulator's queue service (EmulatorStalls).
        var clear = timed.Where(t => !t.Stalled).Select(t => t.Ms).Order().ToList();
        Console.WriteLine($"  {stalls.Describe(offeredFrom, Stopwatch.GetTimestamp())}");
        if (clear.Count > 0 && clear.Count < latencies.Count)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  commands that did not overlap a stall ({clear.Count}): command → e-mail p50 {Percentile(clear, 0.5):0} ms, p99 {Percentile(clear, 0.99):0} ms"));
        }

        PrintMemory($"{what}: after the offer");
        return completed;
    }

    /// <summary>The process's memory (the task hub worker runs in it): the heap after a full collection, and the working set.</summary>
    private static void PrintMemory(string when) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  memory, {when}: heap after a full GC {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0.0} MB, working set {Environment.WorkingSet / 1048576.0:0} MB"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task WaitAsync(Func<bool> done, TimeSpan bound)
    {
        var until = Stopwatch.StartNew();
        while (!done() && until.Elapsed < bound)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Counts e-mails per case with the time each went out; the first of each case is its intake's.</summary>
    private sealed class TimedSender : IMessageSender
    {
        private readonly ConcurrentDictionary<string, List<long>> byCase = new();
        private readonly ConcurrentDictionary<string, bool> effects = new();
        private int count;

        public int Count => Volatile.Read(ref count);

        public IEnumerable<KeyValuePair<string, List<long>>> AfterIntake(int cases) =>
            byCase.Select(c => new KeyValuePair<string, List<long>>(c.Key, [.. c.Value.Skip(1)]));

        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
        {
            if (effects.TryAdd(effect.EffectId, true) && effect is CaseEffect.SendEmail email)
            {
                Record(email.CaseId);
            }

            return Task.CompletedTask;
        }

        public Task SendAsync(string caseId)
        {
            Record(caseId);
            return Task.CompletedTask;
        }

        private void Record(string caseId)
        {
            var list = byCase.GetOrAdd(caseId, _ => []);
            lock (list)
            {
                list.Add(Stopwatch.GetTimestamp());
            }

            Interlocked.Increment(ref count);
        }
    }
}
