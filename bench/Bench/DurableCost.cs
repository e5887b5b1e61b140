using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage;

/// <summary>
/// What the durable engine costs in storage transactions, Durable's own included (its queues, history, instances and
/// leases are counted through the provider's clients): (1) an idle app, no cases, per hour; (2) full DRC cases,
/// intake to closure through 12 simulated months, commands sent through the edge (<see cref="OrchestratedCaseCommands"/>,
/// answer polling included) and each due timer woken as the durable timer would; (3) a sleeping case: the SDK splits
/// a long timer into pieces (3 days), each piece wakes the instance; measured with pieces shortened to 2 s.
/// </summary>
public static class DurableCost
{
    private static readonly DateTimeOffset Day0 = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string connection, int cases, int idleSeconds)
    {
        var counter = new StorageRequestCounter();
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        var account = StorageAccount.FromConnectionString(connection, perRetry: counter);
        var (readModel, index) = await WatchedIndex.CreateAsync(account, "cost");
        var sender = new CountingSender();
        var clock = new ManualClock(Day0);
        var parts = CaseOrchestrationParts.Of(decider, readModel, index, clock, sender, new Reintegration.Functions.Hosting.NoDocuments());
        Console.WriteLine($"durable cost: {cases} full DRC cases, idle windows of {idleSeconds} s, " +
            $"{Environment.ProcessorCount} cores, Azurite in memory; queue polling backs off to 30 s (Azure's default)");

        // (1) An idle app: the provider polls its queues and renews its partition leases, cases or not.
        var before = counter.Total;
        await using (await LocalTaskHub.StartAsync(connection, "costidle" + Environment.ProcessId, parts,
            NullLoggerFactory.Instance, TimeSpan.FromSeconds(30), Counted(connection, counter)))
        {
            var settle = counter.Total;
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var perHour = (counter.Total - settle) * 3600.0 / idleSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(1) idle app: {settle - before} requests to create and start the task hub, then {perHour:0} an hour " +
                $"({perHour * 24 * 365 / 1e6:0.00} million a year), whatever the number of cases"));
        }

        // (2) Full cases.
        await using (var hub = await LocalTaskHub.StartAsync(connection, "costfull" + Environment.ProcessId, parts,
            NullLoggerFactory.Instance, TimeSpan.FromSeconds(1), Counted(connection, counter)))
        {
            var edge = new OrchestratedCaseCommands(hub, readModel, decider, clock);
            counter.Reset();
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var pollRate = counter.Total / (double)idleSeconds;
            counter.Reset();
            var startedAt = counter.Total;
            var elapsed = Stopwatch.StartNew();
            var year = new SimulatedYear(hub, edge, index, decider, clock);
            await year.RunAsync(FullCasePlan.For(Day0, cases, cases), Environment.ProcessorCount);
            var (commands, wakes) = (year.Commands, year.Wakes);
            var seconds = elapsed.Elapsed.TotalSeconds;
            var total = counter.Total - startedAt;
            // Polling is paid by the second, not by the case: what the same app polls idle is taken out.
            var polling = pollRate * seconds;
            var perCase = (total - polling) / cases;
            var sendLog = 3.0 * sender.Emails / cases;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(2) {cases} full cases in {seconds:0} s: {commands} commands and {wakes} timer wake-ups, " +
                $"{sender.Emails / (double)cases:0.0} e-mails a case; {total} requests less {polling:0} of the same app's " +
                $"idle polling (1 s back-off) = {perCase:0} storage transactions a case " +
                $"(+ {sendLog:0} for the SendGrid send log, 3 an e-mail: read, sending, sent)"));
            foreach (var (label, count) in counter.Snapshot().OrderByDescending(p => p.Value).Take(14))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {count / (double)cases,8:0.0}  {label}"));
            }

            counter.Reset();
            await PiecesAsync(connection, counter, parts, decider, idleSeconds, perCase + sendLog);
        }
    }

    /// <summary>(3) Sleeping cases whose timer is years away, with the SDK's timer pieces shortened to 2 s.</summary>
    private static async Task PiecesAsync(
        string connection, StorageRequestCounter counter, CaseOrchestrationParts parts, CaseDecider decider, int seconds,
        double fullCase)
    {
        const int sleepers = 20;
        var piece = TimeSpan.FromSeconds(2);
        await using var hub = await LocalTaskHub.StartAsync(connection, "costsleep" + Environment.ProcessId, parts,
            NullLoggerFactory.Instance, TimeSpan.FromSeconds(1), Counted(connection, counter), piece);
        counter.Reset();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var idle = counter.Total;
        var plan = FullCasePlan.For(Day0, 1, 1);
        foreach (var id in Enumerable.Range(0, sleepers).Select(i => $"sleep-{i:D3}"))
        {
            var intake = plan.On(plan.FirstDay)[0](Day0.AddHours(12)).Single() with { CaseId = id, CommandId = id + ":intake" };
            await hub.StartAsync(id, CaseGeneration.Start(id).Receive(decider, CaseMessage.Of(intake)));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        counter.Reset();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var requests = counter.Total;
        var wakes = sleepers * seconds / piece.TotalSeconds;
        var perWake = (requests - idle) / wakes;
        var perMonth = perWake * 30 / 3;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(3) {sleepers} sleeping cases, timer pieces of {piece.TotalSeconds:0} s for {seconds} s: {requests} requests " +
            $"less {idle} of the same app idle = {perWake:0.0} a wake-up; with 3-day pieces an idle case-month is " +
            $"{perMonth:0} transactions"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per 1,000 cases a year: full cases {fullCase * 1000 / 1e6:0.00} million transactions " +
            $"(${fullCase * 1000 * 0.00036 / 10_000:0.00} at $0.00036 per 10,000); the first version's engine: 292 a case"));
    }

    /// <summary>The provider's blob, queue and table clients, each request counted.</summary>
    private static StorageAccountClientProvider Counted(string connection, StorageRequestCounter counter)
    {
        T With<T>(T options)
            where T : ClientOptions
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            return options;
        }

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connection, With(new BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connection, With(new QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connection, With(new TableClientOptions())));
    }

    internal sealed class CountingSender : IMessageSender
    {
        private int emails;

        public int Emails => Volatile.Read(ref emails);

        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref emails);
            return Task.CompletedTask;
        }
    }
}
