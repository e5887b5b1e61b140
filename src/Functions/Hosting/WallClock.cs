namespace Reintegration.Functions.Hosting;

/// <summary>
/// Real time, for timestamps other systems sign with their own clocks (webhook signatures): the development clock moves
/// case time for the demo, not the senders' clocks. A keyed <see cref="TimeProvider"/>; the system clock unless a test
/// sets another.
/// </summary>
public static class WallClock
{
    public const string Key = "wall-clock";
}
