using Azure;
using Reintegration.Storage.Tables;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueName.Table());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Batch_with_every_kind_of_operation_applies_all_and_returns_etags_in_order()
    {
        var table = await NewTableAsync();
        var snapshotEtag = await table.AddEntityAsync(new TableEntity("case-1", "snapshot") { ["Version"] = 1, ["Status"] = "open" });
        await table.AddEntityAsync(new TableEntity("case-1", "replace-me") { ["Old"] = "x" });
        await table.AddEntityAsync(new TableEntity("case-1", "delete-me"));

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("case-1", "snapshot") { ["Version"] = 2 }, snapshotEtag),
            new(TableTransactionActionType.Add, new TableEntity("case-1", "event-0001") { ["Type"] = "Opened" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("case-1", "command-abc")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("case-1", "outbox-1") { ["Effect"] = "mail" }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("case-1", "replace-me") { ["New"] = "y" }),
            new(TableTransactionActionType.Delete, new TableEntity("case-1", "delete-me")),
        ]);

        results.Count.ShouldBe(6);
        results.Take(5).ShouldAllBe(r => r.Status == 204 && r.ETag != null);
        results[5].Status.ShouldBe(204);
        var snapshot = await table.GetEntityIfExistsAsync("case-1", "snapshot");
        snapshot!.GetInt32("Version").ShouldBe(2);
        snapshot.GetString("Status").ShouldBe("open");
        snapshot.ETag.ShouldBe(results[0].ETag!.Value);
        (await table.GetEntityIfExistsAsync("case-1", "event-0001")).ShouldNotBeNull();
        (await table.GetEntityIfExistsAsync("case-1", "command-abc")).ShouldNotBeNull();
        (await table.GetEntityIfExistsAsync("case-1", "outbox-1"))!.GetString("Effect").ShouldBe("mail");
        (await table.GetEntityIfExistsAsync("case-1", "replace-me"))!.ContainsKey("Old").ShouldBeFalse();
        (await table.GetEntityIfExistsAsync("case-1", "delete-me")).ShouldBeNull();
    }

    [Fact]
    public async Task Batch_with_a_stale_etag_fails_with_the_failing_index_and_applies_nothing()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("case-1", "snapshot") { ["Version"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("case-1", "snapshot") { ["Version"] = 2 });

        var error = await Should.ThrowAsync<StorageRequestException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("case-1", "event-0002") { ["Secret"] = "do-not-leak" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("case-1", "snapshot") { ["Version"] = 3 }, stale),
            new(TableTransactionActionType.Add, new TableEntity("case-1", "outbox-2")),
        ]));

        error.Status.ShouldBe(412);
        error.ErrorCode.ShouldBe("UpdateConditionNotSatisfied");
        error.FailedOperationIndex.ShouldBe(1);
        error.Message.ShouldNotContain("do-not-leak");
        (await table.GetEntityIfExistsAsync("case-1", "event-0002")).ShouldBeNull();
        (await table.GetEntityIfExistsAsync("case-1", "outbox-2")).ShouldBeNull();
        (await table.GetEntityIfExistsAsync("case-1", "snapshot"))!.GetInt32("Version").ShouldBe(2);
    }

    [Fact]
    public async Task Batch_inserting_an_existing_row_fails_with_409_EntityAlreadyExists_at_its_index()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("case-1", "command-abc"));

        var error = await Should.ThrowAsync<StorageRequestException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("case-1", "event-0001")),
            new(TableTransactionActionType.Add, new TableEntity("case-1", "event-0002")),
            new(TableTransactionActionType.Add, new TableEntity("case-1", "command-abc")),
        ]));

        error.Status.ShouldBe(409);
        error.ErrorCode.ShouldBe("EntityAlreadyExists");
        error.FailedOperationIndex.ShouldBe(2);
        (await table.GetEntityIfExistsAsync("case-1", "event-0001")).ShouldBeNull();
    }

    [Fact]
    public async Task Batch_of_one_hundred_operations_is_accepted()
    {
        var table = await NewTableAsync();

        var results = await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["I"] = i })));

        results.Count.ShouldBe(100);
        var count = 0;
        await foreach (var _ in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")))
        {
            count++;
        }

        count.ShouldBe(100);
    }

    [Fact]
    public async Task Batch_that_breaks_the_limits_is_refused_before_sending()
    {
        var table = await NewTableAsync();

        await Should.ThrowAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        await Should.ThrowAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")))));
        await Should.ThrowAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));
        await Should.ThrowAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "r") { ["Blob"] = new byte[3 * 1024 * 1024] }),
        ]));
    }

    [Fact]
    public async Task Batch_deleting_with_an_explicit_wildcard_etag_deletes_any_version()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.SubmitTransactionAsync([new(TableTransactionActionType.Delete, new TableEntity("p", "r"), ETag.All)]);

        (await table.GetEntityIfExistsAsync("p", "r")).ShouldBeNull();
    }
}
