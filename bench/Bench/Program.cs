using System.Globalization;

// Usage: Bench durable <connection string> [cases] [commands/s offered] [seconds] [longest poll ms]
//        Bench durable-cost <connection string> [full cases] [idle seconds]
//        Bench durable-year <connection string> [full cases] [intakes a day] [cases stepped at a time]
//        Bench intake <connection string> [senders] [intakes per sender]
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

switch (args.Length > 1 ? args[0] : throw new ArgumentException("Pass durable, durable-cost, durable-year or intake, and a connection string."))
{
    case "durable":
        var offered = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        await DurableLoad.RunAsync(args[1], Arg(2, 200), offered, Arg(4, 30), Arg(5, 1000));
        break;
    case "durable-cost":
        await DurableCost.RunAsync(args[1], Arg(2, 20), Arg(3, 60));
        break;
    case "durable-year":
        await DurableYear.RunAsync(args[1], Arg(2, 1000), Arg(3, 100), Arg(4, 16));
        break;
    case "intake":
        await IntakeLatency.RunAsync(args[1], Arg(2, 20), Arg(3, 50));
        break;
    default:
        throw new ArgumentException($"No benchmark is called {args[0]}.");
}
