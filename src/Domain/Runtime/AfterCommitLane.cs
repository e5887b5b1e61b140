using System.Threading.Channels;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Runs what follows a commit (its effects, the case-list row) in the background, a few at a time, so a burst of
/// commands is answered at the pace of their commits and is not slowed by the work each leaves behind. The work waits
/// in a bounded queue in memory; what does not fit, or is still queued when the instance stops, is not lost: its
/// effects are in the committed outbox, which the sweep's recovery runs, and the case's list row is rewritten by its
/// next commit.
/// </summary>
public sealed class AfterCommitLane
{
    private readonly Channel<Func<Task>> _work;

    public AfterCommitLane(int workers = 2, int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _work = Channel.CreateBounded<Func<Task>>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        for (var i = 0; i < workers; i++)
        {
            _ = Task.Run(DrainAsync);
        }
    }

    /// <summary>Queues <paramref name="work"/>; false when the lane is full (the outbox then keeps the effects for recovery).</summary>
    public bool TryQueue(Func<Task> work) => _work.Writer.TryWrite(work);

    private async Task DrainAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            try
            {
                await work();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Effects that failed stay in the outbox; the dispatcher already swallowed theirs, this is the last guard.
            }
        }
    }
}
