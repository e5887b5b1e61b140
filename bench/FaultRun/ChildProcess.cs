using System.Diagnostics;

namespace Reintegration.FaultRun;

/// <summary>A child process whose output goes to a log file (appended across restarts).</summary>
internal static class ChildProcess
{
    public static Process Start(ProcessStartInfo start, string logFile)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new Lock();
        var closed = false;
        void Write(string? line)
        {
            // Output read after the exit (the reader drains its buffer on a pool thread) is dropped, not thrown.
            lock (gate)
            {
                if (line is not null && !closed)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                closed = true;
                log.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The process's resident memory in MB, or null when it is not running (the fault run's monthly lines).</summary>
    public static double? WorkingSetMb(Process? process)
    {
        try
        {
            if (process is null || process.HasExited)
            {
                return null;
            }

            process.Refresh();
            return process.WorkingSet64 / (1024.0 * 1024.0);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
