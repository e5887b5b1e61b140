using System.Diagnostics;
using System.Security.Cryptography;

namespace Reintegration.FaultRun;

/// <summary>A finished run: what happened and each check's verdict.</summary>
public sealed record FaultResult(FaultRunOptions Options, FaultFigures Figures, TimeSpan Elapsed, IReadOnlyList<FaultCheck> Checks)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    public void Print(TextWriter output)
    {
        output.WriteLine($"cases {Options.Cases}, app SIGKILLs {Figures.AppKills} (restarts {Figures.AppRestarts}), Azurite stops {Figures.AzuriteStops} " +
            $"({(Options.AzuriteSigkill ? "SIGKILL" : "SIGINT")}), seed {Options.Seed}");
        output.WriteLine($"requests {Figures.Requests}, retried {Figures.RequestsRetried} ({Figures.Retries} retries), answered pending {Figures.Pending} (sent again), elapsed {Elapsed.TotalSeconds:F0} s");
        output.WriteLine($"simulated days the app stayed down after kills during clock advances: {Figures.OutageDays}");
        output.WriteLine($"app killed during: {string.Join(", ", Figures.KillsDuring.GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}"))}");
        if (Figures.AzuriteStopsDuring.Count > 0)
        {
            output.WriteLine($"Azurite stopped during: {string.Join(", ", Figures.AzuriteStopsDuring)}");
        }

        foreach (var check in Checks)
        {
            output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}");
        }

        output.WriteLine(Passed ? "fault run: all checks passed" : "fault run: FAILED");
    }
}

/// <summary>Runs the whole thing: reference, Azurite, the app (each case an orchestration), the driver with its faults, then the checks.</summary>
public static class FaultRunner
{
    /// <param name="afterChecks">Told the connection string while Azurite still runs (tests tamper with storage and check again).</param>
    public static async Task<FaultResult> RunAsync(FaultRunOptions options, TextWriter log, Func<string, Func<Task<IReadOnlyList<FaultCheck>>>, Task>? afterChecks = null)
    {
        var elapsed = Stopwatch.StartNew();
        var script = new CaseScript(options.Start);
        var reference = await ReferenceCase.RunAsync(script);
        Directory.CreateDirectory(options.WorkFolder);
        await using var azurite = new AzuriteProcess(options.AzuritePath, Path.Combine(options.WorkFolder, "azurite"), Path.Combine(options.WorkFolder, "azurite.log"));
        await azurite.StartAsync();

        var intakeKey = RandomNumberGenerator.GetBytes(24);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Links__KeyId"] = "local",
            ["Links__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Documents__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Intake__Native__Secrets__0"] = "whsec_" + Convert.ToBase64String(intakeKey),
            ["Dev__ManualClock"] = "true",
            ["Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (options.MessageVisibility is { } visibility)
        {
            settings["Engine__MessageVisibility"] = visibility.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var app = new AppProcess(options.AppPath, settings, Path.Combine(options.WorkFolder, "app.log"));
        var driver = new FaultDriver(options, script, app, azurite, intakeKey, log);
        await driver.RunAsync();
        await app.KillAsync();

        var checks = await FaultChecks.RunAsync(azurite.ConnectionString, driver.CaseIds, reference, driver.Now);
        if (afterChecks is not null)
        {
            await afterChecks(azurite.ConnectionString, () => FaultChecks.RunAsync(azurite.ConnectionString, driver.CaseIds, reference, driver.Now));
        }

        return new FaultResult(options, driver.Figures, elapsed.Elapsed, checks);
    }
}
