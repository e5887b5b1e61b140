using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Reintegration.Functions.Security;

/// <summary>One API key: who holds it, in which role, and for a partner, which partner.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public Role Role { get; set; }

    public string? PartnerId { get; set; }
}

/// <summary>Role-scoped API keys from configuration (<c>Auth:ApiKeys</c>), sent as <c>X-Api-Key</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry keys,
    FailedCredentials failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(values[0]!) is not { } key)
        {
            failures.Failed(Context);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.Name), new(ClaimTypes.Role, key.Role.ToString()) };
        if (key.PartnerId is { } partner)
        {
            claims.Add(new Claim(Caller.PartnerClaim, partner));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>The configured keys, kept only as SHA-256 hashes and compared in constant time.</summary>
public sealed class ApiKeyRegistry
{
    private readonly List<(byte[] Hash, ApiKeyOptions Key)> keys;

    public ApiKeyRegistry(IEnumerable<ApiKeyOptions> configured)
    {
        keys = [.. configured.Where(k => k.Key.Length > 0).Select(k => (Hash(k.Key), k))];
        foreach (var key in keys.Select(k => k.Key).Where(k => k.Role == Role.Partner && string.IsNullOrEmpty(k.PartnerId)))
        {
            throw new InvalidOperationException($"Auth:ApiKeys: the partner key '{key.Name}' needs a PartnerId.");
        }
    }

    public int Count => keys.Count;

    /// <summary>
    /// A short, one-way stand-in for one key's value: a sign-in session carries the key's name and this version,
    /// so a session ends at its next request once its key is removed or replaced (issue 11, item 12).
    /// </summary>
    public static string VersionOf(ApiKeyOptions key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("session-version\n" + key.Key)))[..16];

    /// <summary>True while a key of this name, version, role and partner is still configured.</summary>
    public bool StillHolds(string? name, string? version, string? role, string? partnerId) =>
        keys.Any(k => k.Key.Name == name && VersionOf(k.Key) == version
            && k.Key.Role.ToString() == role && k.Key.PartnerId == partnerId);

    public ApiKeyOptions? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKeyOptions? found = null;
        foreach (var (known, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                found = key;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
