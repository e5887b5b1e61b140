namespace Reintegration.Functions.Links;

/// <summary>What checking a link token found. Only <see cref="Valid"/> may act.</summary>
public abstract record LinkVerification
{
    private LinkVerification()
    {
    }

    public sealed record Valid(LinkClaims Claims) : LinkVerification;

    /// <summary>Signed by us but past its expiry: the page can say which case and action it was for.</summary>
    public sealed record Expired(LinkClaims Claims) : LinkVerification;

    /// <summary>Well formed but not signed by a configured key, or edited after signing.</summary>
    public sealed record Tampered : LinkVerification;

    /// <summary>Not a link token at all (wrong shape, encoding or length).</summary>
    public sealed record Malformed : LinkVerification;
}
