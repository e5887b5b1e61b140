namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>A clock that moves only when told: for tests, the demo, and the development-only clock advance.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void AdvanceTo(DateTimeOffset moment)
    {
        lock (gate)
        {
            if (moment < now)
            {
                throw new ArgumentOutOfRangeException(nameof(moment), "The clock never goes back.");
            }

            now = moment;
        }
    }

    public void Advance(TimeSpan by) => AdvanceTo(GetUtcNow() + by);
}
