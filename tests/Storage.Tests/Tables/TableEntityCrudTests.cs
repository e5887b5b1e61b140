using Azure;
using Reintegration.Storage.Tables;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableEntityCrudTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueName.Table());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Given_an_existing_table_When_created_again_Then_it_is_tolerated()
    {
        var table = await NewTableAsync();

        await Should.NotThrowAsync(() => table.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Given_an_inserted_entity_When_read_Then_every_property_type_round_trips()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero);
        var id = Guid.Parse("7f0d9a4e-52b1-4c57-9d3c-5f7b6f3e1a20");
        var entity = new TableEntity("case-1", "snapshot")
        {
            ["Text"] = "Grüße, ' quote",
            ["Big"] = 9_007_199_254_740_993L,
            ["Small"] = 42,
            ["Flag"] = true,
            ["Ratio"] = 1.0,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
            ["Missing"] = null,
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityIfExistsAsync("case-1", "snapshot");

        read.ShouldNotBeNull();
        read.ETag.ShouldBe(etag);
        read.Timestamp.ShouldNotBeNull();
        read.GetString("Text").ShouldBe("Grüße, ' quote");
        read.GetInt64("Big").ShouldBe(9_007_199_254_740_993L);
        read.GetInt32("Small").ShouldBe(42);
        read.GetBoolean("Flag").ShouldBe(true);
        read.GetDouble("Ratio").ShouldBe(1.0);
        read["Ratio"].ShouldBeOfType<double>();
        read.GetDateTimeOffset("When").ShouldBe(when);
        read.GetGuid("Id").ShouldBe(id);
        read.GetBinary("Bytes").ShouldBe(new byte[] { 0, 1, 2, 255 });
        read.ContainsKey("Missing").ShouldBeFalse();
    }

    [Fact]
    public async Task Given_keys_with_quotes_and_spaces_When_written_and_read_Then_the_keys_are_escaped()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("o'neil case", "row 1 ä") { ["N"] = 1 });

        var read = await table.GetEntityIfExistsAsync("o'neil case", "row 1 ä");

        read.ShouldNotBeNull();
        read.PartitionKey.ShouldBe("o'neil case");
        read.RowKey.ShouldBe("row 1 ä");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    public async Task Given_a_key_with_a_forbidden_character_When_written_Then_it_is_refused_before_sending(string key)
    {
        var table = await NewTableAsync();

        await Should.ThrowAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));
        await Should.ThrowAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", key)));
    }

    [Fact]
    public async Task Given_no_entity_When_read_Then_null()
    {
        var table = await NewTableAsync();

        (await table.GetEntityIfExistsAsync("nobody", "nothing")).ShouldBeNull();
    }

    [Fact]
    public async Task Given_an_existing_entity_When_inserted_again_Then_409_EntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Should.ThrowAsync<StorageRequestException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Secret"] = "do-not-leak" }));

        error.Status.ShouldBe(409);
        error.ErrorCode.ShouldBe("EntityAlreadyExists");
        error.Message.ShouldNotContain("do-not-leak");
    }

    [Fact]
    public async Task Given_an_entity_When_upserted_Then_it_is_replaced_and_when_merged_Then_properties_are_kept()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" });
        var replaced = await table.GetEntityIfExistsAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Merge);
        var merged = await table.GetEntityIfExistsAsync("p", "r");

        replaced!.ContainsKey("B").ShouldBeFalse();
        merged!.GetString("A").ShouldBe("a2");
        merged.GetString("C").ShouldBe("c");
    }

    [Fact]
    public async Task Given_the_current_etag_When_merged_Then_it_applies_and_returns_a_new_etag()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a" });

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, first, TableUpdateMode.Merge);

        second.ShouldNotBe(first);
        var read = await table.GetEntityIfExistsAsync("p", "r");
        read!.GetString("A").ShouldBe("a");
        read.GetString("B").ShouldBe("b");
        read.ETag.ShouldBe(second);
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task Given_a_stale_etag_When_updated_Then_412_UpdateConditionNotSatisfied(TableUpdateMode mode)
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Should.ThrowAsync<StorageRequestException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, stale, mode));

        error.Status.ShouldBe(412);
        error.ErrorCode.ShouldBe("UpdateConditionNotSatisfied");
        error.IsConflict.ShouldBeTrue();
        (await table.GetEntityIfExistsAsync("p", "r"))!.GetInt32("V").ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_stale_etag_When_deleted_Then_412_and_the_entity_stays()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"));
        var current = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Should.ThrowAsync<StorageRequestException>(() => table.DeleteEntityAsync("p", "r", stale));
        error.Status.ShouldBe(412);
        (await table.GetEntityIfExistsAsync("p", "r")).ShouldNotBeNull();

        await table.DeleteEntityAsync("p", "r", current);
        (await table.GetEntityIfExistsAsync("p", "r")).ShouldBeNull();
    }

    [Fact]
    public async Task Given_any_etag_When_deleted_twice_Then_the_second_delete_is_tolerated()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.DeleteEntityAsync("p", "r", ETag.All);

        await Should.NotThrowAsync(() => table.DeleteEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Given_a_missing_entity_When_updated_with_any_etag_Then_404_ResourceNotFound()
    {
        var table = await NewTableAsync();

        var error = await Should.ThrowAsync<StorageRequestException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));

        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("ResourceNotFound");
    }

    [Fact]
    public async Task Given_a_missing_table_When_inserting_Then_404_TableNotFound()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueName.Table());

        var error = await Should.ThrowAsync<StorageRequestException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("TableNotFound");
    }
}
