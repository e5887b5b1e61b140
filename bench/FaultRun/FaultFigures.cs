namespace Reintegration.FaultRun;

/// <summary>What happened during a run.</summary>
public sealed class FaultFigures
{
    public long Requests { get; set; }

    public long Retries { get; set; }

    public long RequestsRetried { get; set; }

    /// <summary>Answers of 202 "pending" (the app's answer wait ran out), each followed by the same request again.</summary>
    public long Pending { get; set; }

    public int AppKills { get; set; }

    public int AppRestarts { get; set; }

    public int AzuriteStops { get; set; }

    public int OutageDays { get; set; }

    public List<string> KillsDuring { get; } = [];

    public List<string> AzuriteStopsDuring { get; } = [];
}
