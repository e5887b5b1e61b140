using Reintegration.Storage.Queues;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = new QueueClient(azurite.ConnectionString, UniqueName.Queue());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Given_an_existing_queue_When_created_again_Then_it_is_tolerated()
    {
        var queue = await NewQueueAsync();

        await Should.NotThrowAsync(() => queue.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Given_a_put_message_When_received_Then_its_id_receipt_count_and_text_come_back()
    {
        var queue = await NewQueueAsync();
        var sent = await queue.SendMessageAsync("{\"command\":\"FireTimer\",\"case\":\"Ærø 1\"}");

        var received = await queue.ReceiveMessagesAsync(32, OneMinute);

        var message = received.ShouldHaveSingleItem();
        message.MessageId.ShouldBe(sent.MessageId);
        message.PopReceipt.ShouldNotBeNullOrEmpty();
        message.DequeueCount.ShouldBe(1);
        message.MessageText.ShouldBe("{\"command\":\"FireTimer\",\"case\":\"Ærø 1\"}");
    }

    [Fact]
    public async Task Given_a_received_message_and_a_visible_one_When_counted_Then_both_count()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("hidden");
        (await queue.ReceiveMessagesAsync(1, OneMinute)).Count.ShouldBe(1);
        await queue.SendMessageAsync("visible");

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_message_put_without_a_time_to_live_Then_it_never_expires()
    {
        var queue = await NewQueueAsync();

        var sent = await queue.SendMessageAsync("forever");

        sent.ExpiresOn.ShouldNotBeNull();
        sent.ExpiresOn.Value.Year.ShouldBe(9999);
    }

    [Fact]
    public async Task Given_a_received_message_When_received_again_Then_it_is_hidden()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("once");
        (await queue.ReceiveMessagesAsync(1, OneMinute)).Count.ShouldBe(1);

        (await queue.ReceiveMessagesAsync(32, OneMinute)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_many_messages_When_received_Then_at_most_the_asked_number_come()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 40; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        (await queue.ReceiveMessagesAsync(32, OneMinute)).Count.ShouldBe(32);
        (await queue.ReceiveMessagesAsync(32, OneMinute)).Count.ShouldBe(8);
    }

    [Fact]
    public async Task Given_a_message_delayed_by_seven_days_Then_it_is_not_visible_yet()
    {
        var queue = await NewQueueAsync();

        var sent = await queue.SendMessageAsync("later", visibilityTimeout: QueueClient.MaxVisibilityTimeout);

        sent.NextVisibleOn.ShouldNotBeNull();
        sent.NextVisibleOn.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(6));
        (await queue.PeekMessagesAsync(32)).ShouldBeEmpty();
        (await queue.ReceiveMessagesAsync(32, OneMinute)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_delay_over_seven_days_When_put_Then_it_is_refused_before_sending()
    {
        var queue = await NewQueueAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("too late", TimeSpan.FromDays(8)));
    }

    [Fact]
    public async Task Given_a_deleted_message_When_updated_Then_404_MessageNotFound()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("done");
        var message = (await queue.ReceiveMessagesAsync(1, OneMinute)).Single();

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var error = await Should.ThrowAsync<StorageRequestException>(
            () => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero));
        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("MessageNotFound");
    }

    [Fact]
    public async Task Given_a_received_message_When_its_visibility_is_reset_Then_it_comes_back_with_a_new_receipt_and_count()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me");
        var first = (await queue.ReceiveMessagesAsync(1, OneMinute)).Single();

        var update = await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);

        update.PopReceipt.ShouldNotBeNullOrEmpty();
        update.PopReceipt.ShouldNotBe(first.PopReceipt);
        var second = (await queue.ReceiveMessagesAsync(1, OneMinute)).Single();
        second.MessageId.ShouldBe(first.MessageId);
        second.DequeueCount.ShouldBe(2);
        second.MessageText.ShouldBe("retry me");
    }

    [Fact]
    public async Task Given_a_received_message_When_hidden_longer_Then_it_stays_hidden()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("slow work");
        var message = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Single();

        var update = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromHours(1), "checkpoint");

        update.NextVisibleOn.ShouldNotBeNull();
        update.NextVisibleOn.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(50));
        await queue.DeleteMessageAsync(message.MessageId, update.PopReceipt);
    }

    [Fact]
    public async Task Given_a_message_dequeued_more_than_the_maximum_When_received_Then_it_moves_to_the_poison_queue()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("always fails");
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var failing = (await queue.ReceiveMessagesAsync(1, OneMinute, maxDequeueCount: 2)).Single();
            failing.DequeueCount.ShouldBe(attempt);
            await queue.UpdateMessageAsync(failing.MessageId, failing.PopReceipt, TimeSpan.Zero);
        }

        var third = await queue.ReceiveMessagesAsync(1, OneMinute, maxDequeueCount: 2);

        third.ShouldBeEmpty();
        (await queue.PeekMessagesAsync(32)).ShouldBeEmpty();
        var poison = queue.GetPoisonQueueClient();
        poison.Name.ShouldBe(queue.Name + "-poison");
        (await poison.PeekMessagesAsync(32)).ShouldHaveSingleItem().MessageText.ShouldBe("always fails");
    }

    [Fact]
    public async Task Given_a_received_message_When_moved_to_poison_by_hand_Then_the_original_is_gone()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("bad payload");
        var message = (await queue.ReceiveMessagesAsync(1, OneMinute)).Single();

        await queue.MoveToPoisonAsync(message);

        await Should.ThrowAsync<StorageRequestException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        (await queue.GetPoisonQueueClient().ReceiveMessagesAsync(1, OneMinute)).Single().MessageText.ShouldBe("bad payload");
    }

    [Fact]
    public async Task Given_a_missing_queue_When_put_Then_404_QueueNotFound()
    {
        var queue = new QueueClient(azurite.ConnectionString, UniqueName.Queue());

        var error = await Should.ThrowAsync<StorageRequestException>(() => queue.SendMessageAsync("lost"));

        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe("QueueNotFound");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void Given_an_invalid_queue_name_Then_the_client_refuses_it(string name) =>
        Should.Throw<ArgumentException>(() => new QueueClient(azurite.ConnectionString, name));
}
