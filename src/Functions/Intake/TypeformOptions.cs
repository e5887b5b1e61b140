namespace Reintegration.Functions.Intake;

/// <summary>One Typeform form posting to its own webhook URL: its signing secret and how its answers map.</summary>
public sealed class TypeformForm
{
    /// <summary>The secret set on the Typeform webhook; it signs the raw body.</summary>
    public string Secret { get; set; } = string.Empty;

    public TypeformMapping Mapping { get; set; } = new();

    public IEnumerable<string> Problems(string name) =>
        (Secret.Length < 16 ? [$"Typeform form '{name}': the webhook secret needs at least 16 characters"] : Enumerable.Empty<string>())
            .Concat(Mapping.Problems($"Typeform form '{name}'"));
}

/// <summary>Which answer (by field <c>ref</c>), hidden field or constant fills each field of the native schema.</summary>
public sealed class TypeformMapping
{
    /// <summary>The form's id (<c>form_response.form_id</c>); when set, a response to another form is refused.</summary>
    public string? FormId { get; set; }

    /// <summary>By schema path (<see cref="IntakeFieldPaths.Application"/>), e.g. <c>applicant.name</c>.</summary>
    public Dictionary<string, TypeformField> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Problems(string where) =>
        IntakeFieldPaths.Check(Fields.Keys, IntakeFieldPaths.Application, where)
            .Concat(Fields.SelectMany(f => f.Value.Problems($"{where}: '{f.Key}'")));
}

/// <summary>Exactly one of: a question's <c>ref</c>, a hidden field's name, or a constant.</summary>
public sealed class TypeformField
{
    public string? Ref { get; set; }

    public string? Hidden { get; set; }

    public string? Constant { get; set; }

    public IEnumerable<string> Problems(string where)
    {
        if (new[] { Ref, Hidden, Constant }.Count(s => s is not null) != 1)
        {
            yield return $"{where} needs exactly one of Ref, Hidden or Constant";
        }
    }
}
