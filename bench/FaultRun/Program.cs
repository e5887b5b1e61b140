using System.Globalization;
using Reintegration.FaultRun;

// Usage: dotnet FaultRun.dll [cases] [app kills] [Azurite restarts] [seed]   (scripts/faults.sh; docs/RELIABILITY.md)
static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

var root = Environment.GetEnvironmentVariable("REPO_ROOT") ?? Directory.GetCurrentDirectory();
var work = Environment.GetEnvironmentVariable("FAULTS_WORK") ?? Path.Combine(Path.GetTempPath(), "faults-" + Guid.NewGuid().ToString("N")[..8]);
var options = new FaultRunOptions(
    Cases: Arg(args, 0, 200), AppKills: Arg(args, 1, 20), AzuriteRestarts: Arg(args, 2, 2), Seed: Arg(args, 3, 7),
    AppPath: Path.Combine(AppContext.BaseDirectory, "Reintegration.Functions.dll"),
    AzuritePath: Path.Combine(root, "tools", "azurite", "node_modules", ".bin", "azurite"),
    WorkFolder: work)
{
    AzuriteSigkill = Environment.GetEnvironmentVariable("AZURITE_SIGNAL") == "KILL",
};
Console.WriteLine($"work folder (Azurite data, app.log, azurite.log): {work}");
var result = await FaultRunner.RunAsync(options, Console.Out);
result.Print(Console.Out);
return result.Passed ? 0 : 1;
