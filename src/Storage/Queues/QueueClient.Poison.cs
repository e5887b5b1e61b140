namespace Reintegration.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Where messages that keep failing go: this queue's name + "-poison".</summary>
    public string PoisonQueueName => Name + "-poison";

    /// <summary>
    /// Receives like <see cref="ReceiveMessagesAsync(int, TimeSpan?, CancellationToken)"/>, but first moves every message
    /// already dequeued more than <paramref name="maxDequeueCount"/> times to the poison queue; only the others are returned.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages, TimeSpan visibilityTimeout, int maxDequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        var received = await ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken);
        var healthy = new List<QueueMessage>(received.Count);
        foreach (var message in received)
        {
            if (message.DequeueCount > maxDequeueCount)
            {
                await MoveToPoisonAsync(message, cancellationToken);
            }
            else
            {
                healthy.Add(message);
            }
        }

        return healthy;
    }

    /// <summary>
    /// Puts the message's text on the poison queue (created if needed; never expires) and then deletes the original.
    /// At least once: if the delete fails, the message may reach the poison queue twice.
    /// </summary>
    public async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var poison = GetPoisonQueueClient();
        await poison.CreateIfNotExistsAsync(cancellationToken);
        await poison.SendMessageAsync(message.MessageText, cancellationToken: cancellationToken);
        await DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>A client for this queue's poison queue, on the same connection and options.</summary>
    public QueueClient GetPoisonQueueClient() => _poison ??= new QueueClient(_connection, PoisonQueueName, _options);
}
