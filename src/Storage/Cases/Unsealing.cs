using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Domain.Cases;

namespace Reintegration.Storage.Cases;

/// <summary>
/// Puts a case's sealed personal fields back (<see cref="Sealing"/>) before the read model stores it: every placeholder
/// string becomes its secret, and a person whose name was sealed gets the real date of birth back. A placeholder
/// without a secret (erased, or never stored) reads as <see cref="PersonalData.Erased"/>.
/// </summary>
public static class Unsealing
{
    public static T Unseal<T>(T value, IReadOnlyDictionary<string, string> secrets)
    {
        var node = JsonSerializer.SerializeToNode(value, CaseJson.Options);
        Walk(node, secrets);
        return node.Deserialize<T>(CaseJson.Options)!;
    }

    private static void Walk(JsonNode? node, IReadOnlyDictionary<string, string> secrets)
    {
        switch (node)
        {
            case JsonObject person when Text(person["name"]) is { } name && Sealing.IsPlaceholder(name) && person.ContainsKey("dateOfBirth"):
                if (secrets.TryGetValue(Sealing.BirthDateOf(name), out var born))
                {
                    person["dateOfBirth"] = born;
                }

                WalkObject(person, secrets);
                break;
            case JsonObject other:
                WalkObject(other, secrets);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i], secrets) is { } text)
                    {
                        array[i] = text;
                    }
                    else
                    {
                        Walk(array[i], secrets);
                    }
                }

                break;
        }
    }

    private static void WalkObject(JsonObject obj, IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (Replacement(obj[key], secrets) is { } text)
            {
                obj[key] = text;
            }
            else
            {
                Walk(obj[key], secrets);
            }
        }
    }

    private static string? Replacement(JsonNode? node, IReadOnlyDictionary<string, string> secrets) =>
        Text(node) is { } text && Sealing.IsPlaceholder(text)
            ? secrets.GetValueOrDefault(text, PersonalData.Erased)
            : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
