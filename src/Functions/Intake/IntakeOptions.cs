namespace Reintegration.Functions.Intake;

/// <summary>
/// The <c>Intake</c> configuration section. Kobo and Typeform forms are keyed by the name their webhook URL carries
/// (<c>/intake/kobo/{form}</c>); mappings belong in a JSON file, secrets in the secret store.
/// </summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public NativeIntakeOptions Native { get; set; } = new();

    public Dictionary<string, KoboForm> Kobo { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, TypeformForm> Typeform { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Everything wrong with the configuration, for a check at start-up; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. Native.Problems(),
        .. Kobo.SelectMany(f => f.Value.Problems(f.Key)),
        .. Typeform.SelectMany(f => f.Value.Problems(f.Key)),
    ];
}

/// <summary>Our own schema over Standard Webhooks.</summary>
public sealed class NativeIntakeOptions
{
    /// <summary>Accepted secrets (<c>whsec_&lt;base64&gt;</c>); more than one while a secret is rotated.</summary>
    public List<string> Secrets { get; set; } = [];

    public int ToleranceSeconds { get; set; } = 300;

    public StandardWebhookVerifier Verifier() => new(Secrets, TimeSpan.FromSeconds(ToleranceSeconds));

    public IEnumerable<string> Problems()
    {
        foreach (var (secret, index) in Secrets.Select((s, i) => (s, i)))
        {
            if (!StandardWebhookVerifier.TryDecodeSecret(secret, out var key) || key.Length < 16)
            {
                yield return $"Native intake: secret {index} must be whsec_ followed by base64 of at least 16 bytes";
            }
        }

        if (ToleranceSeconds is < 1 or > 3600)
        {
            yield return "Native intake: ToleranceSeconds must be from 1 to 3600";
        }
    }
}
