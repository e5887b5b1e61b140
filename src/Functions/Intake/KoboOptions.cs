namespace Reintegration.Functions.Intake;

/// <summary>One Kobo project posting to its own REST Service URL: how it authenticates and how its answers map.</summary>
public sealed class KoboForm
{
    public KoboAuthenticationOptions Authentication { get; set; } = new();

    public KoboMapping Mapping { get; set; } = new();

    public IEnumerable<string> Problems(string name) =>
        Authentication.Problems($"Kobo form '{name}'").Concat(Mapping.Problems($"Kobo form '{name}'"));
}

/// <summary>
/// Kobo does not sign its posts: its REST Service sends HTTP Basic credentials or a custom header we choose.
/// Configure either or both; every one configured must match.
/// </summary>
public sealed class KoboAuthenticationOptions
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A custom header the REST Service sends, e.g. <c>X-Intake-Secret</c>.</summary>
    public string? HeaderName { get; set; }

    public string? HeaderValue { get; set; }

    public bool UsesBasic => !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);

    public bool UsesHeader => !string.IsNullOrEmpty(HeaderName) || !string.IsNullOrEmpty(HeaderValue);

    public IEnumerable<string> Problems(string where)
    {
        if (!UsesBasic && !UsesHeader)
        {
            yield return $"{where}: configure Basic credentials or a secret header";
        }

        if (UsesBasic && (string.IsNullOrEmpty(Username) || Username.Contains(':', StringComparison.Ordinal) || (Password?.Length ?? 0) < 16))
        {
            yield return $"{where}: Basic authentication needs a username without ':' and a password of at least 16 characters";
        }

        if (UsesHeader && (string.IsNullOrEmpty(HeaderName) || (HeaderValue?.Length ?? 0) < 16))
        {
            yield return $"{where}: the secret header needs a name and a value of at least 16 characters";
        }
    }
}

/// <summary>Which Kobo key (or constant) fills each field of the native schema; keys are group-prefixed (<c>group1/q2</c>).</summary>
public sealed class KoboMapping
{
    /// <summary>The form's asset uid (<c>_xform_id_string</c>); when set, a submission of another form is refused.</summary>
    public string? FormId { get; set; }

    /// <summary>By schema path (<see cref="IntakeFieldPaths.Application"/>), e.g. <c>applicant.name</c>.</summary>
    public Dictionary<string, KoboField> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Repeat groups whose items are family members, read in this order.</summary>
    public List<KoboRepeat> FamilyMembers { get; set; } = [];

    public IEnumerable<string> Problems(string where) =>
        IntakeFieldPaths.Check(Fields.Keys, IntakeFieldPaths.Application, where)
            .Concat(Fields.SelectMany(f => f.Value.Problems($"{where}: '{f.Key}'")))
            .Concat(FamilyMembers.SelectMany((r, i) => r.Problems($"{where}: family repeat {i}")));
}

/// <summary>A Kobo key to read, or a constant (e.g. the programme a form is for).</summary>
public sealed class KoboField
{
    public string? Key { get; set; }

    public string? Constant { get; set; }

    public IEnumerable<string> Problems(string where)
    {
        if (string.IsNullOrEmpty(Key) == (Constant is null))
        {
            yield return $"{where} needs either a Key or a Constant";
        }
    }
}

/// <summary>A repeat group: Kobo sends it as a list of objects whose keys carry the full group path.</summary>
public sealed class KoboRepeat
{
    /// <summary>The repeat's key in the submission, e.g. <c>household/family</c>.</summary>
    public string Repeat { get; set; } = string.Empty;

    /// <summary>By family member field (<see cref="IntakeFieldPaths.FamilyMember"/>); keys as Kobo sends them inside an item.</summary>
    public Dictionary<string, KoboField> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Problems(string where) =>
        (string.IsNullOrEmpty(Repeat) ? [$"{where} needs the repeat's Kobo key"] : Enumerable.Empty<string>())
            .Concat(IntakeFieldPaths.Check(Fields.Keys, IntakeFieldPaths.FamilyMember, where))
            .Concat(Fields.SelectMany(f => f.Value.Problems($"{where}: '{f.Key}'")));
}
