using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reintegration.Domain.Cases;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Publish;

/// <summary>Publishes the function app once (scripts/publish.sh), then checks the package as the Functions host would use it.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "reintegration-publish-" + Guid.NewGuid().ToString("N")[..8], "functionapp");

    public string Zip => Folder + ".zip";

    public async Task InitializeAsync()
    {
        var root = AzuriteFixture.FindRepositoryRoot();
        // Output goes to a file: build-server processes the publish leaves behind would hold a pipe open forever.
        var log = Folder + ".log";
        Directory.CreateDirectory(Path.GetDirectoryName(Folder)!);
        using var publish = Process.Start(new ProcessStartInfo("bash", ["-c", "bash scripts/publish.sh \"$0\" > \"$1\" 2>&1", Folder, log]) { WorkingDirectory = root })!;
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
    public void Package_holds_host_json_the_function_folders_and_a_runnable_executable()
    {
        File.Exists(Path.Combine(package.Folder, "host.json")).ShouldBeTrue();
        foreach (var function in new[] { "Http", "CaseWork", "TimerSweep" })
        {
            File.Exists(Path.Combine(package.Folder, function, "function.json")).ShouldBeTrue(function);
        }

        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Folder, "host.json"))).RootElement;
        var executable = host.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(package.Folder, executable)).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        }

        using var zip = ZipFile.OpenRead(package.Zip);
        var entry = zip.GetEntry(executable).ShouldNotBeNull();
        ((entry.ExternalAttributes >> 16) & 0b001_000_000).ShouldNotBe(0, "the run bit survives in the zip");
        zip.GetEntry("CaseWork/function.json").ShouldNotBeNull();
    }

    [Fact]
    public async Task Executable_starts_as_a_custom_handler_and_answers_a_queue_invocation()
    {
        var port = LoopbackPorts.PickThreeFree().First;
        var start = new ProcessStartInfo(Path.Combine(package.Folder, "Reintegration.Functions")) { WorkingDirectory = package.Folder };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Mode"] = "InMemory";
        start.Environment["Links__BaseUrl"] = "https://example.invalid/api";
        start.Environment["Links__KeyId"] = "k1";
        start.Environment["Links__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["Documents__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["Email__Delivery"] = "SendGrid";
        start.Environment["Email__SendGrid__ApiKey"] = "not-used-by-this-test";
        start.Environment["Email__SendGrid__FromAddress"] = "noreply@example.invalid";
        foreach (var role in new[] { "Counsellor", "Agency", "ProgrammeOfficer" })
        {
            start.Environment[$"Email__Recipients__{role}"] = $"{role.ToLowerInvariant()}@example.invalid";
        }

        foreach (var partner in Reintegration.Domain.Programmes.ProgrammeCatalog.Shipped().All.SelectMany(p => p.Partners))
        {
            start.Environment[$"Email__Partners__{partner.Id.Replace('-', '_')}"] = $"{partner.Id}@example.invalid";
        }

        start.Environment["Auth__ApiKeys__0__Name"] = "ops";
        start.Environment["Auth__ApiKeys__0__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        start.Environment["Auth__ApiKeys__0__Role"] = "ProgrammeOfficer";
        using var app = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilAnswersAsync(http, app);

            // The queue trigger's work is gone (the orchestrations run the cases); the custom handler still answers it.
            const string message = "{}";
            var invocation = JsonSerializer.Serialize(new { Data = new { message }, Metadata = new { DequeueCount = "1" } });
            var answer = await http.PostAsync("/CaseWork", new StringContent(invocation, Encoding.UTF8, "application/json"));
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            body.TryGetProperty("Outputs", out _).ShouldBeTrue();
            body.GetProperty("Logs")[0].GetString().ShouldNotBeNull();

            (await http.PostAsync("/TimerSweep", new StringContent("""{"Data":{"timer":{}},"Metadata":{}}""", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.PostAsync("/api/CaseWork", new StringContent(invocation, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilAnswersAsync(HttpClient http, Process app)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            app.HasExited.ShouldBeFalse($"the executable exited with {(app.HasExited ? app.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException("The published executable did not answer within 30 s.");
    }
}
