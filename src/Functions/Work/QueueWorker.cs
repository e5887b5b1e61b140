using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Reintegration.Functions.Work;

/// <summary>
/// Drains the work queue in-process (without the Functions host): receive, handle, delete; a message that failed
/// <see cref="MaxDequeueCount"/> times goes to the poison queue (<paramref name="poison"/>) and raises an alert on its case.
/// </summary>
public sealed class QueueWorker(QueueClient queue, QueueClient poison, CaseWorkProcessor processor, Func<long, TimeSpan>? retryDelay = null)
{
    public const int MaxDequeueCount = 5;

    /// <summary>How long a received message stays hidden from other consumers: when its consumer dies, it is handled again after this.</summary>
    public TimeSpan Visibility { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Handles what is visible now; returns how many messages were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        while (true)
        {
            QueueMessage[] received = await queue.ReceiveMessagesAsync(32, Visibility, cancellationToken);
            if (received.Length == 0)
            {
                return handled;
            }

            foreach (var message in received)
            {
                if (message.DequeueCount > MaxDequeueCount)
                {
                    await MoveToPoisonAsync(message, cancellationToken);
                    await processor.PoisonedAsync(message.MessageText, cancellationToken);
                    continue;
                }

                try
                {
                    await processor.HandleAsync(message.MessageText, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    handled++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Visible again after the timeout, retried until MaxDequeueCount.
                    var delay = (retryDelay ?? RetryDelay)(message.DequeueCount);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, (string?)null, delay, cancellationToken);
                }
            }
        }
    }

    /// <summary>At least once: if the delete fails, the message may reach the poison queue twice.</summary>
    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.MessageText, null, TimeSpan.FromSeconds(-1), cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    private static TimeSpan RetryDelay(long dequeueCount) => TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, dequeueCount)));
}
