using System.Runtime.InteropServices;

namespace Reintegration.FaultRun;

/// <summary>POSIX signals to a child process (Process.Kill sends SIGKILL only).</summary>
internal static class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;

    private const int NoSuchProcess = 3;

    /// <summary>Sends the signal; a process that has already gone is fine.</summary>
    public static void Send(int processId, int signal)
    {
        if (NativeKill(processId, signal) != 0 && Marshal.GetLastWin32Error() is var errno && errno != NoSuchProcess)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {errno}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeKill(int pid, int signal);
}
