using System.Net;
using System.Net.Sockets;

namespace Reintegration.Storage.Tests.Azurite;

/// <summary>Free loopback ports, and whether something listens on one.</summary>
public static class LoopbackPorts
{
    /// <summary>Three distinct free ports: all three listeners are held at once, then released for Azurite to bind.</summary>
    public static (int First, int Second, int Third) PickThreeFree()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    /// <summary>True when a TCP connection to 127.0.0.1:<paramref name="port"/> is accepted within a second.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
