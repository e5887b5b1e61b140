using System.Text.Json;

namespace Reintegration.Functions.Intake;

/// <summary>
/// A Typeform <c>form_response</c> webhook. Answers are found by their field's <c>ref</c> (from the answer, or from
/// the form definition by field id); <c>event_id</c> identifies the delivery.
/// </summary>
public static class TypeformIntake
{
    public static IntakeDelivery Read(ReadOnlyMemory<byte> body, TypeformMapping mapping)
    {
        using var document = IntakeJson.Parse(body, out var error);
        if (document is null)
        {
            return new IntakeDelivery(null, IntakeResult.Failure([error!]));
        }

        var root = document.RootElement;
        var intake = new MappedIntake();
        var deliveryId = Text(root, "event_id");
        if (deliveryId is null)
        {
            intake.Fail("event_id", "is required: Typeform's event id identifies the delivery");
        }

        if (Text(root, "event_type") != "form_response")
        {
            intake.Fail("event_type", "must be form_response");
        }

        if (!root.TryGetProperty("form_response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            intake.Fail("form_response", "is required and must be an object");
            return new IntakeDelivery(deliveryId, intake.Read());
        }

        if (mapping.FormId is { Length: > 0 } formId && Text(response, "form_id") != formId)
        {
            intake.Fail("form_response.form_id", $"must be '{formId}', the form this endpoint is configured for");
        }

        var answers = AnswersByRef(response);
        var hidden = response.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
        foreach (var (name, field) in mapping.Fields)
        {
            if (intake.Field(name, IntakeFieldPaths.Application) is not { } path)
            {
                continue;
            }

            if (field.Constant is not null)
            {
                intake.Constant(path, field.Constant);
            }
            else if (field.Hidden is not null)
            {
                var found = hidden.ValueKind == JsonValueKind.Object && hidden.TryGetProperty(field.Hidden, out var value) ? value : (JsonElement?)null;
                intake.Answer(path, found, new AnswerSource($"Typeform hidden field '{field.Hidden}'", $"is required, but the response has no hidden field '{field.Hidden}'"));
            }
            else
            {
                var found = field.Ref is not null && answers.TryGetValue(field.Ref, out var value) ? value : (JsonElement?)null;
                intake.Answer(path, found, new AnswerSource($"Typeform answer '{field.Ref}'", $"is required, but the response has no answer for Typeform ref '{field.Ref}'"));
            }
        }

        return new IntakeDelivery(deliveryId, intake.Read(), IntakeJson.Timestamp(response, "submitted_at"));
    }

    private static Dictionary<string, JsonElement> AnswersByRef(JsonElement response)
    {
        var refsById = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.Object
            && definition.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in fields.EnumerateArray())
            {
                if (Text(field, "id") is { } id && Text(field, "ref") is { } reference)
                {
                    refsById[id] = reference;
                }
            }
        }

        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!response.TryGetProperty("answers", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return answers;
        }

        foreach (var answer in list.EnumerateArray())
        {
            if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var reference = Text(field, "ref") ?? (Text(field, "id") is { } id ? refsById.GetValueOrDefault(id) : null);
            if (reference is not null && ValueOf(answer) is { } value)
            {
                answers[reference] = value;
            }
        }

        return answers;
    }

    /// <summary>The answer's value under its type's name; a single choice reads as its label.</summary>
    private static JsonElement? ValueOf(JsonElement answer)
    {
        if (Text(answer, "type") is not { } type || !answer.TryGetProperty(type, out var value))
        {
            return null;
        }

        return (type, value.ValueKind) switch
        {
            ("choice", JsonValueKind.Object) => value.TryGetProperty("label", out var label) ? label : value.TryGetProperty("other", out var other) ? other : null,
            ("choices", JsonValueKind.Object) => value.TryGetProperty("labels", out var labels) ? labels : null,
            _ => value,
        };
    }

    private static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 200 } text ? text : null;
}
