using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are honoured only from the proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>: addresses, <c>ForwardedHeaders:KnownNetworks</c>: CIDR ranges). Under the
/// Functions host, the host itself forwards every public request to the worker over loopback, so loopback is trusted
/// there (<see cref="TrustLoopback"/>) and nowhere else by default. Anyone else's forwarded headers are ignored: a client cannot pick its address or scheme.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in Values(config, "ForwardedHeaders:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies holds a non-address."));
            }

            foreach (var network in Values(config, "ForwardedHeaders:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"{Section}:KnownNetworks holds a non-CIDR range."));
            }
        });
    }

    /// <summary>The Functions host's own forwarding: it reaches the worker over loopback.</summary>
    public static void TrustLoopback(this IServiceCollection services) => services.PostConfigure<ForwardedHeadersOptions>(o =>
    {
        o.KnownProxies.Add(IPAddress.Loopback);
        o.KnownProxies.Add(IPAddress.IPv6Loopback);
    });

    /// <summary>A list setting, as a section of entries or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration config, string key) =>
        config.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>()
            .Concat(config[key]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                ?? []);
}
