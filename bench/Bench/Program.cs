using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Storage.Cases;

// Usage: Bench <connection string> [seconds per measurement] [concurrent clients]
//        Bench intake <connection string> [senders] [intakes per sender]
//        Bench soak <connection string> [cases] [new cases a day] [cases in parallel] [table sets]
//        Bench sweep <connection string> [future timers]
//        Bench durable <connection string> [cases] [commands/s offered] [seconds]
//        Bench durable-cost <connection string> [full cases] [idle seconds]
if (args.Length > 0 && args[0] == "durable")
{
    await DurableLoad.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
        args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30,
        args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 1000);
    return;
}

if (args.Length > 0 && args[0] == "durable-cost")
{
    await DurableCost.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 60);
    return;
}

if (args.Length > 0 && args[0] == "sweep")
{
    await SweepScale.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args.Length > 0 && args[0] == "soak")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await Soak.RunAsync(args[1], Arg(2, 10_000), Arg(3, 100), Arg(4, 8), Arg(5, 1));
    return;
}

if (args.Length > 0 && args[0] == "intake")
{
    var senders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    var perSender = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
    await IntakeLatency.RunAsync(args[1], senders, perSender, effectsAfterAnswer: false);
    await IntakeLatency.RunAsync(args[1], senders, perSender, effectsAfterAnswer: true);
    return;
}

var connection = args.Length > 0 ? args[0] : throw new ArgumentException("Pass the storage connection string.");
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
var decider = new CaseDecider(ProgrammeCatalog.Shipped());

var raw = new TableClient(connection, "benchraw" + Environment.ProcessId);
await raw.CreateIfNotExistsAsync();
var casesTable = new TableClient(connection, "benchcases" + Environment.ProcessId);
await casesTable.CreateIfNotExistsAsync();
var store = new TableCaseStore(casesTable);
var clock = new ManualClock(start);
var runtime = new CaseRuntime(decider, store, new EffectDispatcher(store, new InMemoryTimerIndex(), new EffectLog()), clock);

// Cases to step on: one per client, so clients never contend for a partition.
for (var c = 0; c < clients; c++)
{
    await runtime.HandleAsync(new CaseCommand.SubmitApplication($"bench-{c}", $"bench-{c}-intake", start, "drc-denmark",
        new Person("A", new DateOnly(1990, 1, 1), Relationship.Applicant, false), [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null));
}

Console.WriteLine($"Azure Storage figures on Azurite, {clients} client(s), {seconds} s per measurement, {Environment.ProcessorCount} cores");
var rawRate = await MeasureAsync("raw entity group transactions (4 new entities each)", async (client, i) =>
{
    var partition = $"p{client}-{i}";
    await raw.SubmitTransactionAsync(Enumerable.Range(0, 4).Select(r => new TableTransactionAction(
        TableTransactionActionType.Add, new TableEntity(partition, $"r{r}") { ["Data"] = new string('x', 200) })));
});

var versions = new long[clients];
var etags = new string?[clients];
var states = new CaseState[clients];
for (var c = 0; c < clients; c++)
{
    var loaded = (await store.LoadAsync($"bench-{c}"))!;
    (states[c], etags[c], versions[c]) = (loaded.State, loaded.ETag, loaded.State.Version);
}

var commitRate = await MeasureAsync("case-step commits (snapshot + event + command id + outbox row, conditional)", async (client, i) =>
{
    var command = new CaseCommand.RaiseAlert($"bench-{client}", $"commit-{client}-{i}", start, AlertKind.EmailBounced, "bench");
    var decision = decider.Decide(command, states[client]);
    var next = CaseEvolution.Evolve(states[client], decision.Events[0]);
    etags[client] = await store.CommitAsync(new CaseCommit(command.CaseId, etags[client], next, [new RecordedEvent(next.Version, decision.Events[0])], command.CommandId, decision.Effects), start);
    states[client] = next;
});

var stepRate = await MeasureAsync("full case steps (load, command-id check, decide, commit, send, complete outbox)", (client, i) =>
    runtime.HandleAsync(new CaseCommand.RaiseAlert($"bench-{client}", $"step-{client}-{i}", start, AlertKind.EmailBounced, "bench")));

Console.WriteLine($"ratio case-step commits / raw transactions: {commitRate / rawRate:0.00} (target ≥ 0.50)");
Console.WriteLine($"ratio full case steps / raw transactions:   {stepRate / rawRate:0.00}");
await raw.DeleteAsync();
await casesTable.DeleteAsync();

async Task<double> MeasureAsync(string what, Func<int, int, Task> step)
{
    // Warm-up: JIT, connections.
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        for (var i = 0; i < 20; i++)
        {
            await step(c, -1 - i);
        }
    }));

    var count = 0;
    var deadline = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        for (var i = 0; deadline.Elapsed.TotalSeconds < seconds; i++)
        {
            await step(c, i);
            Interlocked.Increment(ref count);
        }
    }));
    var rate = count / deadline.Elapsed.TotalSeconds;
    Console.WriteLine($"{rate,8:0.0} /s  {what}");
    return rate;
}
