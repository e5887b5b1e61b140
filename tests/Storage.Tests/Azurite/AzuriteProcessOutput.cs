using System.Diagnostics;

namespace Reintegration.Storage.Tests.Azurite;

/// <summary>Keeps the last lines Azurite wrote (stdout and stderr) for the message when it fails to start.</summary>
public sealed class AzuriteProcessOutput
{
    private const int MaxLines = 200;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public void Attach(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => Add("err", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Add(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue($"[{stream}] {line}");
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
