using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.Functions.Intake;

/// <summary>Where a mapped answer comes from, and what to say when the delivery lacks it.</summary>
internal sealed record AnswerSource(string Describe, string WhenAbsent);

/// <summary>
/// Translates a form tool's answers into the native schema, remembering where each came from, then validates it
/// with <see cref="IntakeFormReader"/> so that errors name the schema field and the tool's own key.
/// </summary>
internal sealed class MappedIntake
{
    private readonly JsonObject root = new() { ["applicant"] = new JsonObject(), ["eligibilityFacts"] = new JsonObject() };
    private readonly Dictionary<string, AnswerSource> sources = new(StringComparer.Ordinal);
    private readonly List<FieldError> errors = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    public void Fail(string field, string reason)
    {
        errors.Add(new FieldError(field, reason));
        reported.Add(field);
    }

    public void Constant(string path, string value) =>
        Put(path, JsonValue.Create(value), new AnswerSource("constant in the mapping", "is required"));

    /// <param name="path">A schema path such as <c>applicant.name</c> or <c>familyMembers[2].name</c>.</param>
    /// <param name="answer">The tool's answer, or null when the delivery lacks it.</param>
    public void Answer(string path, JsonElement? answer, AnswerSource source)
    {
        sources[path] = source;
        switch (answer?.ValueKind)
        {
            case null or JsonValueKind.Null:
                return;
            case JsonValueKind.String:
                Put(path, JsonValue.Create(answer.Value.GetString()!), source);
                return;
            case JsonValueKind.True or JsonValueKind.False:
                Put(path, JsonValue.Create(answer.Value.GetBoolean()), source);
                return;
            case JsonValueKind.Number:
                // Numbers only ever fill text fields (an external reference), so keep their exact digits.
                Put(path, JsonValue.Create(answer.Value.GetRawText()), source);
                return;
            default:
                Fail(path, $"must be a single answer, but the {source.Describe} holds {answer.Value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}");
                return;
        }
    }

    /// <summary>Makes sure family member <paramref name="index"/> exists, so its missing answers are named one by one.</summary>
    public string FamilyMember(int index)
    {
        var path = $"familyMembers[{index}]";
        Child(root, path);
        return path;
    }

    /// <summary>The schema's spelling of a mapped name, or an error when the schema has no such field.</summary>
    public string? Field(string mapped, IReadOnlyList<IntakeFieldPath> schema, string prefix = "")
    {
        if (schema.FirstOrDefault(f => string.Equals(f.Path, mapped, StringComparison.OrdinalIgnoreCase)) is { } field)
        {
            return prefix + field.Path;
        }

        Fail(prefix + mapped, "is named in the mapping but is not a field of the intake schema");
        return null;
    }

    public IntakeResult Read()
    {
        using var document = JsonDocument.Parse(root.ToJsonString());
        var result = IntakeFormReader.Read(document.RootElement, textAnswers: true);
        var all = errors.Concat(result.Errors.Where(e => !reported.Contains(e.Field)).Select(Explain)).ToList();
        return all.Count == 0 ? result : IntakeResult.Failure(all);
    }

    private void Put(string path, JsonNode value, AnswerSource source)
    {
        sources[path] = source;
        var segments = path.Split('.');
        var target = segments[..^1].Aggregate(root, Child);
        target[segments[^1]] = value;
    }

    private FieldError Explain(FieldError error)
    {
        var required = error.Reason == IntakeFields.Required;
        if (sources.TryGetValue(error.Field, out var source))
        {
            return error with { Reason = required ? source.WhenAbsent : $"{error.Reason} ({source.Describe})" };
        }

        return required ? error with { Reason = "is required, but the mapping gives no source for it" } : error;
    }

    private static JsonObject Child(JsonObject parent, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return (parent[segment] ??= new JsonObject()).AsObject();
        }

        var list = (parent[segment[..bracket]] ??= new JsonArray()).AsArray();
        var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
        while (list.Count <= index)
        {
            list.Add(new JsonObject());
        }

        return list[index]!.AsObject();
    }
}
