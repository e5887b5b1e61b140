using System.Globalization;
using System.Text.Json.Nodes;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The local task hub runs the Azure Storage provider with the settings host.json gives the Durable extension on
/// Azure, so what the tests and the fault run show about timing (polling, how long a crashed worker's messages stay
/// hidden) holds for the deployed app.
/// </summary>
public sealed class TaskHubSettingsTests
{
    private static readonly JsonNode Provider = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AzuriteFixture.FindRepositoryRoot(), "src/Functions/host.json")))!["extensions"]!["durableTask"]!["storageProvider"]!;

    private static TimeSpan Span(string name) => TimeSpan.Parse(Provider[name]!.GetValue<string>(), CultureInfo.InvariantCulture);

    [Fact]
    public void Given_host_json_When_the_local_task_hub_starts_Then_it_uses_the_same_provider_settings()
    {
        Provider["partitionCount"]!.GetValue<int>().ShouldBe(LocalTaskHub.PartitionCount);
        Span("maxQueuePollingInterval").ShouldBe(LocalTaskHub.LongestPoll);
        Span("controlQueueVisibilityTimeout").ShouldBe(LocalTaskHub.MessageVisibilityTimeout);
        Span("workItemQueueVisibilityTimeout").ShouldBe(LocalTaskHub.MessageVisibilityTimeout);
    }
}
