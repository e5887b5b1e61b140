using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reintegration.FaultRun;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Tests.Azurite;
using Xunit.Abstractions;

namespace Reintegration.Functions.Tests.Hardening;

/// <summary>
/// The fault run of scripts/faults.sh, small: 12 cases through a simulated year over HTTP, the app process SIGKILLed 3
/// times and restarted, Azurite stopped and restarted once; then every case closed, its events exactly the reference's,
/// every e-mail once, and each case's orchestration with no effect, event or due timer left behind. The app is the Reintegration.Functions.dll built beside the tests.
/// </summary>
[Collection(FaultRunCollection.Name)]
public sealed class FaultRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Given_the_app_killed_three_times_and_Azurite_restarted_When_twelve_cases_run_a_year_Then_nothing_is_lost_or_doubled()
    {
        var work = Path.Combine(Path.GetTempPath(), "faults-test-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new FaultRunOptions(
            Cases: 12, AppKills: 3, AzuriteRestarts: 1, Seed: 11,
            AppPath: Path.Combine(AppContext.BaseDirectory, "Reintegration.Functions.dll"),
            AzuritePath: Path.Combine(AzuriteFixture.FindRepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite"),
            WorkFolder: work)
        {
            Concurrency = 6,
            // A kill holds the run up until the messages the dead process held are visible again: 20 s here instead
            // of the product's minute, which scripts/faults.sh keeps. Locks are still renewed in time (every 5 s).
            MessageVisibility = TimeSpan.FromSeconds(20),
        };
        IReadOnlyList<FaultCheck> afterTampering = [];
        try
        {
            var log = new StringWriter();
            var result = await FaultRunner.RunAsync(options, log, async (connection, checkAgain) =>
            {
                // The checks must see a lost e-mail: delete one from the outbox and check again.
                var outbox = new BlobContainerClient(connection, "devoutbox");
                await foreach (var blob in outbox.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
                {
                    await outbox.DeleteBlobIfExistsAsync(blob.Name);
                    break;
                }

                afterTampering = await checkAgain();
            });
            result.Print(log);
            output.WriteLine(log.ToString());

            (result.Figures.AppKills, result.Figures.AppRestarts, result.Figures.AzuriteStops).ShouldBe((3, 3, 1), log.ToString());
            result.Checks.Count.ShouldBe(5, log.ToString());
            result.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ShouldBeEmpty(log.ToString());
            afterTampering.Where(c => !c.Passed).Select(c => c.Name).ShouldBe(["dev outbox: every committed e-mail/notice effect exactly once"]);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}

/// <summary>The longest test, started first so that it runs beside the others instead of after them.</summary>
[CollectionDefinition(Name)]
[StartsFirst]
public sealed class FaultRunCollection
{
    public const string Name = "Small fault run";
}
