using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Publish;

/// <summary>Publishes the function app once (scripts/publish.sh), then checks the package as the Functions host reads it.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "reintegration-publish-" + Guid.NewGuid().ToString("N")[..8], "functionapp");

    public string Zip => Folder + ".zip";

    public JsonArray Functions => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "functions.metadata")))!.AsArray();

    public async Task InitializeAsync()
    {
        var root = AzuriteFixture.FindRepositoryRoot();
        // Output goes to a file: build-server processes the publish leaves behind would hold a pipe open forever.
        var log = Folder + ".log";
        Directory.CreateDirectory(Path.GetDirectoryName(Folder)!);
        // Without ReadyToRun: the precompiled code is the one thing it changes, and no check here reads code (it costs
        // about 100 s of the test command's CPU). scripts/coldstart.sh measures the package as deployed.
        using var publish = Process.Start(new ProcessStartInfo("bash", ["-c", "bash scripts/publish.sh \"$0\" > \"$1\" 2>&1", Folder, log])
        {
            WorkingDirectory = root,
            Environment = { ["READY_TO_RUN"] = "false" },
        })!;
        await publish.WaitForExitAsync();
        publish.ExitCode.ShouldBe(0, $"publish failed:\n{File.ReadAllText(log)}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PublishPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void Package_is_an_isolated_worker_app_with_the_durable_extension_and_no_custom_handler()
    {
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Folder, "worker.config.json")))!["description"]!;
        worker["language"]!.GetValue<string>().ShouldBe("dotnet-isolated");
        File.Exists(Path.Combine(package.Folder, worker["defaultWorkerPath"]!.GetValue<string>())).ShouldBeTrue();
        File.Exists(Path.Combine(package.Folder, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll"))
            .ShouldBeTrue("the host-side Durable extension ships in .azurefunctions/");

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Folder, "host.json")))!.AsObject();
        host.ContainsKey("customHandler").ShouldBeFalse();
        host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>().ShouldBe(HttpFunctionRoutes.Prefix);
        var durable = host["extensions"]!["durableTask"]!;
        durable["storageProvider"]!["type"]!.GetValue<string>().ShouldBe("AzureStorage");
        durable["storageProvider"]!["connectionName"]!.GetValue<string>().ShouldBe("AzureWebJobsStorage");
        // A provider setting: beside storageProvider (where it first was) the extension ignores it and idles at 30 s.
        durable["storageProvider"]!["maxQueuePollingInterval"]!.GetValue<string>().ShouldBe("00:00:01");
        durable.AsObject().ContainsKey("maxQueuePollingInterval").ShouldBeFalse();
        Directory.Exists(Path.Combine(package.Folder, "Http")).ShouldBeFalse("no function.json folders");

        using var zip = ZipFile.OpenRead(package.Zip);
        zip.GetEntry("functions.metadata").ShouldNotBeNull();
        zip.GetEntry("worker.config.json").ShouldNotBeNull();
        zip.Entries.ShouldContain(e => e.FullName.StartsWith(".azurefunctions/", StringComparison.Ordinal));
    }

    [Fact]
    public void Functions_metadata_lists_the_orchestration_and_each_activity()
    {
        string TriggerOf(string name) => package.Functions.Single(f => f!["name"]!.GetValue<string>() == name)!["bindings"]!
            .AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!["type"]!
            .GetValue<string>();

        TriggerOf(CaseOrchestration.Name).ShouldBe("orchestrationTrigger");
        TriggerOf(ProjectCase.Name).ShouldBe("activityTrigger");
        TriggerOf(RunCaseEffect.Name).ShouldBe("activityTrigger");
        TriggerOf("FailedCasesWatch").ShouldBe("timerTrigger");
    }

    [Fact]
    public void Functions_metadata_lists_every_http_function_with_its_route_verbs_and_level()
    {
        var published = package.Functions
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().SingleOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .Select(f => Describe(f.Name, f.Trigger!["route"]!.GetValue<string>(),
                f.Trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()), f.Trigger["authLevel"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal);

        var declared = HttpFunctionRoutes.Declared
            .Select(f => Describe(f.Name, f.Route, f.Methods, f.Level.ToString()))
            .Order(StringComparer.Ordinal);
        published.ShouldBe(declared);
        declared.ShouldContain(d => d.StartsWith("Health ", StringComparison.Ordinal));
    }

    private static string Describe(string name, string route, IEnumerable<string> methods, string level) =>
        $"{name} {string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {route} {level}";
}
