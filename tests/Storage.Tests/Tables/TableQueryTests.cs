using Reintegration.Storage.Tables;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueName.Table());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>Inserts <paramref name="count"/> rows into partition <paramref name="partitionKey"/>, 100 per batch.</summary>
    private static async Task InsertRowsAsync(TableClient table, string partitionKey, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partitionKey, $"row-{i:D5}") { ["Index"] = i, ["Even"] = i % 2 == 0, ["Label"] = $"label {i}" })));
        }
    }

    [Fact]
    public async Task Given_1200_rows_When_paged_with_top_500_Then_three_pages_cover_every_row_once_in_key_order()
    {
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "bucket-1", 1200);

        var pageSizes = new List<int>();
        var rowKeys = new List<string>();
        await foreach (var page in table.QueryAsync(maxPerPage: 500).AsPages())
        {
            pageSizes.Add(page.Values.Count);
            rowKeys.AddRange(page.Values.Select(e => e.RowKey));
        }

        pageSizes.ShouldBe([500, 500, 200]);
        rowKeys.ShouldBe(Enumerable.Range(0, 1200).Select(i => $"row-{i:D5}"));
    }

    [Fact]
    public async Task Given_1200_rows_When_paged_by_hand_with_continuation_tokens_Then_each_page_resumes_where_the_last_stopped()
    {
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "bucket-1", 1200);

        var first = await table.QueryPageAsync(null, 1000, null, null);
        first.Values.Count.ShouldBe(1000);
        first.ContinuationToken.ShouldNotBeNull();

        var second = await table.QueryPageAsync(null, 1000, null, first.ContinuationToken);
        second.Values.Count.ShouldBe(200);
        second.Values[0].RowKey.ShouldBe("row-01000");
        second.ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task Given_rows_in_several_partitions_When_queried_with_a_filter_and_select_Then_only_matching_rows_and_columns_come_back()
    {
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "bucket-1", 20);
        await InsertRowsAsync(table, "bucket-2", 20);

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"bucket-2"} and Even eq {true} and Index ge {10}");
        var found = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, select: ["Index"]))
        {
            found.Add(entity);
        }

        found.Select(e => e.GetInt32("Index")).ShouldBe([10, 12, 14, 16, 18]);
        found.ShouldAllBe(e => !e.ContainsKey("Label") && !e.ContainsKey("Even"));
        found.ShouldAllBe(e => e.ETag != default);
    }

    [Fact]
    public async Task Given_typed_values_When_filtered_by_them_Then_the_literals_match()
    {
        var table = await NewTableAsync();
        var due = new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero);
        var caseId = Guid.Parse("0d5b7e4c-1a7f-4a55-8f3d-2b7c9f0e6a11");
        await table.AddEntityAsync(new TableEntity("timers", "a") { ["Due"] = due, ["Case"] = caseId, ["Amount"] = 20_000L, ["Name"] = "O'Hara" });
        await table.AddEntityAsync(new TableEntity("timers", "b") { ["Due"] = due.AddDays(1), ["Case"] = Guid.Empty, ["Amount"] = 5L, ["Name"] = "x" });

        async Task<string[]> RowsAsync(FormattableString filter)
        {
            var rows = new List<string>();
            await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter(filter)))
            {
                rows.Add(entity.RowKey);
            }

            return [.. rows];
        }

        (await RowsAsync($"Due le {due}")).ShouldBe(["a"]);
        (await RowsAsync($"Case eq {caseId}")).ShouldBe(["a"]);
        (await RowsAsync($"Amount gt {1000L}")).ShouldBe(["a"]);
        (await RowsAsync($"Name eq {"O'Hara"}")).ShouldBe(["a"]);
    }

    [Fact]
    public void Given_an_interpolated_filter_When_created_Then_each_argument_is_an_odata_literal()
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {"o'neil"} and N eq {5L} and I eq {3} and B eq {false} and D eq {new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)} and G eq {Guid.Empty} and X eq {new byte[] { 0xAB, 0x01 }}");

        filter.ShouldBe(
            "PartitionKey eq 'o''neil' and N eq 5L and I eq 3 and B eq false and D eq datetime'2026-01-02T03:04:05.0000000Z' " +
            "and G eq guid'00000000-0000-0000-0000-000000000000' and X eq X'AB01'");
    }

    [Fact]
    public async Task Given_a_missing_table_When_queried_Then_404_TableNotFound()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueName.Table());

        var error = await Should.ThrowAsync<StorageRequestException>(async () =>
        {
            await foreach (var _ in table.QueryAsync())
            {
            }
        });

        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("TableNotFound");
    }

    [Fact]
    public async Task Given_a_token_from_elsewhere_When_paging_Then_it_is_refused()
    {
        var table = await NewTableAsync();

        await Should.ThrowAsync<ArgumentException>(() => table.QueryPageAsync(null, 10, null, "not a token"));
    }

    [Fact]
    public async Task Given_a_page_size_outside_1_to_1000_When_paging_Then_it_is_refused()
    {
        var table = await NewTableAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => table.QueryPageAsync(null, 1001, null, null));
    }
}
