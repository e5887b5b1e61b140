using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Storage.Cases;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>The timer index on Azure Tables keeps one table per due day; what that adds to the store contract.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerDayTableTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private async Task<TableTimerIndex> NewIndexAsync(RequestLog? log = null, DateTimeOffset? startedAt = null)
    {
        var index = new TableTimerIndex(log?.Account(azurite.ConnectionString) ?? azurite.Account, UniqueName.Table(), clock: new ManualClock(Now));
        await index.InitializeAsync(startedAt ?? Now);
        return index;
    }

    private async Task<IReadOnlyList<TableEntity>?> RowsOfAsync(string table)
    {
        try
        {
            var rows = new List<TableEntity>();
            await foreach (var row in azurite.Account.Table(table).QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }

            return rows;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static CaseTimer Timer(string caseId, DateTimeOffset dueAt, int round = 1) => new(caseId, TimerKind.MonitoringReminder, round, dueAt);

    [Fact]
    public async Task Given_timers_on_two_days_When_scheduled_Then_each_is_a_row_in_its_due_days_table_and_the_cursor_table_holds_only_the_cursor()
    {
        var index = await NewIndexAsync();
        var tomorrow = Timer("c1", Now.AddDays(1));
        var nextYear = Timer("c2", Now.AddDays(365));

        await index.ScheduleAsync(tomorrow);
        await index.ScheduleAsync(nextYear);
        await index.ScheduleAsync(nextYear);

        (await RowsOfAsync(index.DayTableName(Today.AddDays(1)))).ShouldNotBeNull().Single().GetString("CaseId").ShouldBe("c1");
        var yearRows = (await RowsOfAsync(index.DayTableName(Today.AddDays(365)))).ShouldNotBeNull();
        yearRows.Single().RowKey.ShouldBe($"{nextYear.DueAt.UtcTicks:D19}-{nextYear.TimerId}");
        yearRows.Single().PartitionKey.ShouldMatch("^[0-9]{2}$");
        (await RowsOfAsync(index.DayTableName(Today))).ShouldBeNull();
        (await RowsOfAsync(index.CursorTable.Name)).ShouldNotBeNull().Select(r => r.PartitionKey).ShouldBe(["cursor"]);
    }

    [Fact]
    public async Task Given_timers_for_the_next_sixty_days_When_swept_Then_no_request_reaches_a_future_days_table()
    {
        var log = new RequestLog();
        var index = await NewIndexAsync(log);
        await index.ScheduleManyAsync(Enumerable.Range(1, 60).Select(d => Timer($"future-{d}", Now.AddDays(d))), parallel: 4);
        await index.ScheduleAsync(Timer("due", Now.AddHours(-1)));
        log.Clear();

        (await index.DueAsync(Now, 100)).Select(t => t.CaseId).ShouldBe(["due"]);

        var tables = log.Paths.Select(p => p.Split('/')[2].Split('(')[0]).Distinct().ToList();
        tables.ShouldBe([index.CursorTable.Name, index.DayTableName(Today.AddDays(-1)), index.DayTableName(Today)], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_days_without_tables_When_swept_Then_they_hold_no_timers_and_no_table_is_made()
    {
        var index = await NewIndexAsync();

        (await index.DueAsync(Now.AddDays(10), 100)).ShouldBeEmpty();
        await index.RemoveAsync(Timer("never", Now.AddDays(3)));

        for (var day = Today.AddDays(-1); day <= Today.AddDays(10); day = day.AddDays(1))
        {
            (await RowsOfAsync(index.DayTableName(day))).ShouldBeNull();
        }
    }

    [Fact]
    public async Task Given_a_sweep_has_passed_When_timers_for_today_and_yesterday_arrive_late_Then_the_next_sweep_finds_them()
    {
        var index = await NewIndexAsync(startedAt: Now.AddDays(-5));
        (await index.DueAsync(Now, 100)).ShouldBeEmpty();
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(-1));

        var earlierToday = Timer("late-today", Now.AddHours(-3));
        var yesterday = Timer("late-yesterday", Now.AddDays(-1));
        await index.ScheduleAsync(earlierToday);
        await index.ScheduleAsync(yesterday);

        (await index.DueAsync(Now, 100)).ShouldBe([yesterday, earlierToday], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_the_cursor_has_passed_a_day_When_a_timer_for_that_day_arrives_late_Then_the_cursor_moves_back_and_the_next_sweep_finds_it()
    {
        var index = await NewIndexAsync(startedAt: Now.AddDays(-10));
        (await index.DueAsync(Now, 100)).ShouldBeEmpty();
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(-1));

        var arrivedLate = Timer("arrived-late", Now.AddDays(-4));   // e.g. a monitoring month dated from an arrival confirmed late
        await index.ScheduleAsync(arrivedLate);

        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(-4));
        (await index.DueAsync(Now, 100)).ShouldBe([arrivedLate]);
        await index.RemoveAsync(arrivedLate);
        (await index.DueAsync(Now, 100)).ShouldBeEmpty();
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public async Task Given_the_cursor_is_on_yesterday_When_future_timers_are_scheduled_Then_the_cursor_is_not_even_read()
    {
        var log = new RequestLog();
        var index = await NewIndexAsync(log);
        log.Clear();

        await index.ScheduleAsync(Timer("next-week", Now.AddDays(7)));
        await index.ScheduleManyAsync([Timer("next-month", Now.AddDays(30))]);

        log.Paths.ShouldNotContain(p => p.Contains(index.CursorTable.Name + "(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_due_rows_on_two_days_When_a_sweep_stops_at_its_limit_Then_the_cursor_stays_on_the_oldest_day_with_rows()
    {
        var index = await NewIndexAsync();
        var first = Timer("first", Now.AddDays(1));
        var second = Timer("second", Now.AddDays(2));
        await index.ScheduleAsync(first);
        await index.ScheduleAsync(second);
        var later = Now.AddDays(5);

        (await index.DueAsync(later, 1)).ShouldBe([first]);
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(1));
        (await index.DueAsync(later, 1)).ShouldBe([first]);   // not removed (a crash): found again

        await index.RemoveAsync(first);
        (await index.DueAsync(later, 10)).ShouldBe([second]);
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(2));
        await index.RemoveAsync(second);
        (await index.DueAsync(later, 10)).ShouldBeEmpty();
        (await CursorDayAsync(index)).ShouldBe(Today.AddDays(4));
    }

    [Fact]
    public async Task Given_many_timers_for_a_new_day_When_scheduled_at_once_Then_the_table_is_made_once_and_holds_each_timer_once()
    {
        var index = await NewIndexAsync();
        var timers = Enumerable.Range(0, 20).Select(i => Timer($"burst-{i}", Now.AddDays(30).AddMinutes(i))).ToList();

        await Task.WhenAll(timers.Select(t => index.ScheduleAsync(t)));
        await index.ScheduleManyAsync(timers, parallel: 4);

        (await RowsOfAsync(index.DayTableName(Today.AddDays(30)))).ShouldNotBeNull().Count.ShouldBe(20);
        (await index.DueAsync(Now.AddDays(31), 100)).ShouldBe(timers, ignoreOrder: true);
    }

    private static async Task<DateOnly> CursorDayAsync(TableTimerIndex index)
    {
        var cursor = (await index.CursorTable.GetEntityIfExistsAsync<TableEntity>("cursor", "sweep")).Value.ShouldNotBeNull();
        return DateOnly.ParseExact(cursor.GetString("Day")!, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
