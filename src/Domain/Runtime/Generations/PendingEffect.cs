using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.Generations;

/// <summary>
/// An effect a decision asked for and that has not run yet; after a failure, when it failed first and when to try
/// again (5 minutes, doubling up to an hour), whether the case was alerted about it, and the kind of the last error
/// (an exception type: never its message, which may quote an address).
/// </summary>
public sealed record PendingEffect(CaseEffect Effect, int Failures = 0, DateTimeOffset? FailingSince = null,
    DateTimeOffset? RetryAt = null, bool Alerted = false, string? LastError = null)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public PendingEffect Failed(DateTimeOffset now, string? error = null)
    {
        return this with
        {
            Failures = Failures + 1, FailingSince = FailingSince ?? now, RetryAt = now + RetryWait(Failures), LastError = error ?? LastError,
        };
    }

    /// <summary>How long to wait after a failure that follows <paramref name="failuresBefore"/> others: 5 minutes, doubling up to an hour.</summary>
    public static TimeSpan RetryWait(int failuresBefore) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failuresBefore, 10)));
}
