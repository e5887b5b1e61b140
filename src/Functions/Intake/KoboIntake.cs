using System.Text.Json;

namespace Reintegration.Functions.Intake;

/// <summary>
/// A KoboToolbox REST Service post (the v2 submission JSON): every answer is a string under its group-prefixed key,
/// and <c>_uuid</c> identifies the submission on every retry.
/// </summary>
public static class KoboIntake
{
    public static AuthenticationResult Authenticate(IHeaderDictionary headers, KoboAuthenticationOptions options) =>
        KoboAuthentication.Check(headers, options);

    public static IntakeDelivery Read(ReadOnlyMemory<byte> body, KoboMapping mapping)
    {
        using var document = IntakeJson.Parse(body, out var error);
        if (document is null)
        {
            return new IntakeDelivery(null, IntakeResult.Failure([error!]));
        }

        var submission = document.RootElement;
        var intake = new MappedIntake();
        var deliveryId = Text(submission, "_uuid");
        if (deliveryId is null)
        {
            intake.Fail("_uuid", "is required: Kobo's submission uuid identifies the delivery");
        }

        if (mapping.FormId is { Length: > 0 } formId && Text(submission, "_xform_id_string") != formId)
        {
            intake.Fail("_xform_id_string", $"must be '{formId}', the form this endpoint is configured for");
        }

        foreach (var (name, field) in mapping.Fields)
        {
            if (intake.Field(name, IntakeFieldPaths.Application) is { } path)
            {
                Map(intake, path, submission, field, $"Kobo key '{field.Key}'");
            }
        }

        var index = 0;
        foreach (var repeat in mapping.FamilyMembers)
        {
            if (!submission.TryGetProperty(repeat.Repeat, out var items) || items.ValueKind == JsonValueKind.Null)
            {
                continue; // Kobo leaves an empty repeat out.
            }

            if (items.ValueKind != JsonValueKind.Array)
            {
                intake.Fail("familyMembers", $"must come from a repeat group, but Kobo key '{repeat.Repeat}' is not a list");
                continue;
            }

            var itemNumber = 0;
            foreach (var item in items.EnumerateArray())
            {
                var member = intake.FamilyMember(index++);
                var where = $"in item {++itemNumber} of repeat '{repeat.Repeat}'";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    intake.Fail(member, $"must be an object (item {itemNumber} of Kobo repeat '{repeat.Repeat}')");
                    continue;
                }

                foreach (var (name, field) in repeat.Fields)
                {
                    if (intake.Field(name, IntakeFieldPaths.FamilyMember, member + ".") is { } path)
                    {
                        Map(intake, path, item, field, $"Kobo key '{field.Key}' {where}");
                    }
                }
            }
        }

        return new IntakeDelivery(deliveryId, intake.Read(), IntakeJson.Timestamp(submission, "_submission_time"));
    }

    private static void Map(MappedIntake intake, string path, JsonElement answers, KoboField field, string describe)
    {
        if (field.Constant is not null)
        {
            intake.Constant(path, field.Constant);
            return;
        }

        var found = field.Key is not null && answers.TryGetProperty(field.Key, out var answer) ? answer : (JsonElement?)null;
        intake.Answer(path, found, new AnswerSource(describe, $"is required, but the submission has no {describe}"));
    }

    private static string? Text(JsonElement submission, string key) =>
        submission.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 200 } text ? text : null;
}
