namespace Reintegration.FaultRun;

/// <summary>What a fault run does: how many cases, how many app kills and Azurite restarts, from which seed.</summary>
public sealed record FaultRunOptions(int Cases, int AppKills, int AzuriteRestarts, int Seed, string AppPath, string AzuritePath, string WorkFolder)
{
    /// <summary>Cases driven at the same time in each phase.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Stops Azurite with SIGKILL instead of SIGINT (see docs/RELIABILITY.md: it may lose acknowledged writes).</summary>
    public bool AzuriteSigkill { get; init; }

    /// <summary>
    /// How long a message the app took stays invisible to its next process after a kill (<c>Engine:MessageVisibility</c>);
    /// null keeps the product's minute (host.json). Each kill holds the run up about this long.
    /// </summary>
    public TimeSpan? MessageVisibility { get; init; }

    /// <summary>The simulated time the run starts at.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
}
