namespace Reintegration.Functions.Security;

/// <summary>Where API keys come from: configuration; in Development, well-known local keys when none are configured.</summary>
public static class ApiKeys
{
    /// <summary>The shortest key accepted outside Development.</summary>
    public const int MinimumLength = 32;

    /// <summary>Local-only keys, printed by the run command. Refused outside Development.</summary>
    public static readonly IReadOnlyList<ApiKeyOptions> Development =
    [
        new() { Name = "dev-counsellor", Key = "dev-counsellor-key", Role = Role.Counsellor },
        new() { Name = "dev-agency", Key = "dev-agency-key", Role = Role.Agency },
        new() { Name = "dev-partner-uganda", Key = "dev-partner-ug-key", Role = Role.Partner, PartnerId = "ug-reach-out" },
        new() { Name = "dev-partner-senegal", Key = "dev-partner-sn-key", Role = Role.Partner, PartnerId = "sn-eurp-partner" },
        new() { Name = "dev-officer", Key = "dev-officer-key", Role = Role.ProgrammeOfficer },
    ];

    public static IReadOnlyList<ApiKeyOptions> From(IConfiguration config, IHostEnvironment environment)
    {
        var configured = config.GetSection("Auth:ApiKeys").Get<List<ApiKeyOptions>>() ?? [];
        if (configured.Count > 0)
        {
            if (!environment.IsDevelopment() && configured.Any(k => Development.Any(d => d.Key == k.Key)))
            {
                throw new InvalidOperationException("Auth:ApiKeys: a development key is configured outside Development.");
            }

            // A short key can be guessed; name each one, never show its value.
            var shortKeys = configured.Where(k => k.Key.Length is > 0 and < MinimumLength)
                .Select(k => $"'{k.Name}'").ToList();
            if (!environment.IsDevelopment() && shortKeys.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Auth:ApiKeys: the key(s) {string.Join(", ", shortKeys)} are shorter than {MinimumLength} "
                    + "characters.");
            }

            return configured;
        }

        return environment.IsDevelopment() ? Development : [];
    }
}
