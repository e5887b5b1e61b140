using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// A link token is a 14-day capability: whoever reads it can act on the case. Logs and traces keep only a short
/// fingerprint of it (<c>/links/~3f9a0c1d</c>), enough to follow one link through the logs and useless to act with.
/// </summary>
public static partial class LinkTokenRedaction
{
    private const string Marker = "/links/";

    /// <summary>True when the text may hold a link token (cheap test before the regular expression).</summary>
    public static bool MayHoldToken(string? text) =>
        text is not null && text.Contains(Marker, StringComparison.OrdinalIgnoreCase);

    public static string Redact(string text) =>
        MayHoldToken(text) ? Token().Replace(text, m => Marker + "~" + Fingerprint(m.Groups["token"].Value)) : text;

    /// <summary>The first 8 hex digits of the token's SHA-256: the same link gives the same fingerprint.</summary>
    public static string Fingerprint(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8];

    // Anything after /links/ up to the next path, query or text delimiter; the route template "{token}" stays.
    [GeneratedRegex(
        @"/links/(?<token>(?![{~])[^/?#\s""'<>&,;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
