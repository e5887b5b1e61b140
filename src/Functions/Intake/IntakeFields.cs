using System.Text.Json;

namespace Reintegration.Functions.Intake;

/// <summary>
/// Typed reads from one JSON object of an intake. Every problem is collected under its path, and properties nobody
/// read are reported as unknown. Text answers (Kobo, constants from configuration) may spell flags as yes/no.
/// </summary>
internal sealed partial class IntakeFields(JsonElement target, string prefix, bool textAnswers, List<FieldError> errors)
{
    public const string Required = "is required";

    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public bool TextAnswers => textAnswers;

    public void Fail(string name, string reason) => errors.Add(new FieldError(prefix + name, reason));

    public string? Text(string name, int maxLength, bool required = true, bool multiline = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(name, "must be a string");
            return null;
        }

        var text = multiline ? value.GetString()! : value.GetString()!.Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            // Form tools send unanswered optional questions as empty strings.
            if (!required && textAnswers)
            {
                return null;
            }

            Fail(name, required ? "must not be empty" : "must not be empty (leave it out instead)");
            return null;
        }

        if (text.Length > maxLength)
        {
            Fail(name, $"must be at most {maxLength} characters");
            return null;
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Fail(name, multiline ? "must not contain control characters" : "must be a single line without control characters");
            return null;
        }

        return text;
    }

    /// <summary>A nested object, read by its own fields under <c>name.</c>; null when absent or not an object.</summary>
    public IntakeFields? Nested(string name)
    {
        if (Value(name, true) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(name, "must be an object");
            return null;
        }

        return new IntakeFields(value, $"{prefix}{name}.", textAnswers, errors);
    }

    /// <summary>An optional list of objects, each read by <paramref name="item"/> under <c>name[i].</c>.</summary>
    public IReadOnlyList<T> List<T>(string name, int max, Func<IntakeFields, T?> item)
        where T : class
    {
        if (Value(name, false) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > max)
        {
            Fail(name, $"must be a list of at most {max} objects");
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Fail(path, "must be an object");
                continue;
            }

            var fields = new IntakeFields(element, $"{prefix}{path}.", textAnswers, errors);
            if (item(fields) is { } parsed)
            {
                items.Add(parsed);
            }

            fields.RejectUnknown();
        }

        return items;
    }

    /// <summary>Strictness: a property this schema does not know is an error, never silently dropped.</summary>
    public void RejectUnknown()
    {
        foreach (var property in target.EnumerateObject().Where(p => !read.Contains(p.Name)))
        {
            Fail(property.Name, "is not a field of the intake schema");
        }
    }

    private JsonElement? Value(string name, bool required)
    {
        read.Add(name);
        if (target.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Fail(name, Required);
        }

        return null;
    }
}
