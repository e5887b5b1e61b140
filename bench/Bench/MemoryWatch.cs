using System.Diagnostics;
using System.Globalization;

/// <summary>The benchmark process's memory, sampled as it runs and measured after a full GC at checkpoints; Azurite's too, when its pid is known.</summary>
public sealed class MemoryWatch(string? azuritePid)
{
    private const double Mb = 1024 * 1024;
    private long _peakHeap;
    private long _peakWorkingSet;

    public double PeakHeapMb => _peakHeap / Mb;

    public double PeakWorkingSetMb => Math.Max(_peakWorkingSet, Process.GetCurrentProcess().PeakWorkingSet64) / Mb;

    public void Sample()
    {
        _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(false));
        _peakWorkingSet = Math.Max(_peakWorkingSet, Environment.WorkingSet);
    }

    public Mark Checkpoint()
    {
        Sample();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(true);
        return new Mark(heap / Mb, Environment.WorkingSet / Mb, AzuriteRss());
    }

    private string AzuriteRss()
    {
        if (azuritePid is null || !File.Exists($"/proc/{azuritePid}/status"))
        {
            return string.Empty;
        }

        var line = File.ReadLines($"/proc/{azuritePid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return $"; Azurite (the emulator, in memory) {kb / 1024.0:0} MB";
    }

    public sealed record Mark(double HeapMb, double WorkingSetMb, string Azurite);
}
