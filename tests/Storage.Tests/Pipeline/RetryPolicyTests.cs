using System.Diagnostics;
using System.Net;
using Reintegration.Storage.Queues;
using Reintegration.Storage.Tables;

namespace Reintegration.Storage.Tests.Pipeline;

/// <summary>Which answers Azure.Core's retry policy retries for the storage clients, against a scripted transport.</summary>
public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Given_a_transient_failure_When_sending_Then_the_request_is_retried_and_succeeds(HttpStatusCode transient)
    {
        var handler = new RecordingHandler().Then(transient, "ServerBusy").Then(HttpStatusCode.Created);
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        await queue.CreateIfNotExistsAsync();

        handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "EntityAlreadyExists")]
    [InlineData(HttpStatusCode.PreconditionFailed, "UpdateConditionNotSatisfied")]
    public async Task Given_a_conflict_When_sending_Then_it_is_never_retried_and_throws_the_typed_error(HttpStatusCode status, string code)
    {
        var handler = new RecordingHandler().Then(status, code);
        var table = new TableClient(StorageConnection.DevelopmentStorage, "cases", handler.Options());

        var error = await Should.ThrowAsync<StorageRequestException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r"), Azure.ETag.All));

        handler.Requests.Count.ShouldBe(1);
        error.Status.ShouldBe((int)status);
        error.ErrorCode.ShouldBe(code);
        error.IsConflict.ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_refused_connection_When_sending_Then_the_request_is_retried()
    {
        var handler = new RecordingHandler().ThenConnectionRefused().Then(HttpStatusCode.Created);
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        await queue.CreateIfNotExistsAsync();

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_service_that_stays_unreachable_When_retries_run_out_Then_the_typed_error_has_status_0()
    {
        var handler = new RecordingHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.ThenConnectionRefused();
        }

        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        var error = await Should.ThrowAsync<StorageRequestException>(() => queue.SendMessageAsync("secret payload"));

        handler.Requests.Count.ShouldBe(4);
        error.Status.ShouldBe(0);
        error.Message.ShouldContain("Connection refused");
        error.Message.ShouldNotContain("secret payload");
        error.InnerException.ShouldNotBeNull();
    }

    [Fact]
    public async Task Given_a_service_that_stays_busy_When_retries_run_out_Then_the_last_status_and_code_are_thrown()
    {
        var handler = new RecordingHandler { DefaultStatus = HttpStatusCode.ServiceUnavailable };
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        var error = await Should.ThrowAsync<StorageRequestException>(() => queue.CreateIfNotExistsAsync());

        handler.Requests.Count.ShouldBe(4); // the first attempt and MaxRetries = 3
        error.Status.ShouldBe(503);
    }

    [Fact]
    public async Task Given_a_retry_after_header_When_retrying_Then_the_wait_is_at_least_that_long()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.TooManyRequests, "ServerBusy", retryAfter: "1").Then(HttpStatusCode.Created);
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());
        var clock = Stopwatch.StartNew();

        await queue.CreateIfNotExistsAsync();

        handler.Requests.Count.ShouldBe(2);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Given_a_retried_request_Then_each_attempt_carries_its_own_date_and_signature()
    {
        var handler = new RecordingHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.Created);
        var queue = new QueueClient(StorageConnection.DevelopmentStorage, "q-test", handler.Options());

        await queue.CreateIfNotExistsAsync();

        handler.Requests.ShouldAllBe(r => r.Header("Authorization").StartsWith("SharedKey devstoreaccount1:", StringComparison.Ordinal));
        handler.Requests.ShouldAllBe(r => r.Header("x-ms-date").Length > 0);
    }
}
