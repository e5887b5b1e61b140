using Reintegration.Functions.Hosting;

// One executable, two hosts: the Functions host starts it as its isolated worker on Azure; run alone (scripts/run.sh,
// the tests) it is its own ASP.NET Core host with the same classes (docs/ARCHITECTURE.md, "Two hosts").
if (FunctionsApp.IsStartedByFunctionsHost(args))
{
    await FunctionsApp.Build(args).RunAsync();
    return;
}

var app = ReintegrationApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to the HTTP tests.</summary>
public partial class Program;
