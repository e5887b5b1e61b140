using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Resilience;

/// <summary>Owns its Azurite, so stopping it does not disturb the tests sharing the main one.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteOutageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite outage";
}

/// <summary>
/// Azurite goes away mid-run: a call the product's clients make during the outage keeps retrying (the retry policy
/// <see cref="StorageAccount"/> gives every client: 5 retries from 0.5 s, about 15 s in all) and succeeds once Azurite
/// is back on the same ports with the same data. The test waits for an observed failed attempt before restarting
/// Azurite, so the order of events is fixed, not timed.
/// </summary>
[Collection(AzuriteOutageCollection.Name)]
public sealed class AzuriteOutageTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_azurite_is_down_When_a_table_write_is_retrying_Then_it_succeeds_after_the_restart_and_earlier_data_survives()
    {
        var failedAttempt = Signal();
        var table = Account(failedAttempt).Table(UniqueName.Table());
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("case-1", "before") { ["Step"] = 1 });

        await azurite.StopAsync();
        var write = table.UpsertEntityAsync(new TableEntity("case-1", "during") { ["Step"] = 2 }, TableUpdateMode.Replace);
        await failedAttempt.Task.WaitAsync(Bound);
        write.IsCompleted.ShouldBeFalse();
        await azurite.StartAsync();
        await write.WaitAsync(Bound);

        (await table.GetEntityAsync<TableEntity>("case-1", "during")).Value.GetInt32("Step").ShouldBe(2);
        (await table.GetEntityAsync<TableEntity>("case-1", "before")).Value.GetInt32("Step").ShouldBe(1);
    }

    [Fact]
    public async Task Given_azurite_is_down_When_a_blob_write_and_a_blob_read_are_retrying_Then_both_succeed_after_the_restart()
    {
        var failedAttempt = Signal();
        var container = Account(failedAttempt).Container(UniqueName.Container());
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("kept.txt", BinaryData.FromString("kept"));

        await azurite.StopAsync();
        var write = container.UploadBlobAsync("written.txt", BinaryData.FromString("written during the outage"));
        var read = container.GetBlobClient("kept.txt").DownloadContentAsync();
        await failedAttempt.Task.WaitAsync(Bound);
        await azurite.StartAsync();
        await Task.WhenAll(write, read).WaitAsync(Bound);

        (await read).Value.Content.ToString().ShouldBe("kept");
        (await container.GetBlobClient("written.txt").DownloadContentAsync()).Value.Content.ToString().ShouldBe("written during the outage");
    }

    [Fact]
    public async Task Given_a_running_azurite_When_restarted_Then_clients_made_before_keep_working_on_the_same_ports()
    {
        var table = azurite.Account.Table(UniqueName.Table());
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await azurite.RestartAsync();

        (await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue.ShouldBeTrue();
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The product's clients, with a policy that raises the signal on the first attempt that fails in transport.</summary>
    private StorageAccount Account(TaskCompletionSource failedAttempt) =>
        StorageAccount.FromConnectionString(azurite.ConnectionString, perRetry: new TransportFailureSignal(failedAttempt));

    private sealed class TransportFailureSignal(TaskCompletionSource signal) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception)
            {
                signal.TrySetResult();
                throw;
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch (Exception)
            {
                signal.TrySetResult();
                throw;
            }
        }
    }
}
