using System.Text.Json;

namespace Reintegration.Functions.Tests.Email;

/// <summary>Compares a JSON document's structure with a reference: every property must exist there with the same kind of value.</summary>
public static class JsonShape
{
    public static List<string> Mismatches(JsonElement actual, JsonElement reference, IReadOnlyCollection<string> allowedExtra)
    {
        var found = new List<string>();
        Compare(actual, [reference], "$", allowedExtra, found);
        return found;
    }

    private static void Compare(JsonElement actual, IReadOnlyList<JsonElement> references, string path, IReadOnlyCollection<string> allowedExtra, List<string> found)
    {
        if (allowedExtra.Contains(path))
        {
            return;
        }

        if (!references.Any(r => SameKind(r.ValueKind, actual.ValueKind)))
        {
            found.Add($"{path}: {actual.ValueKind} where the reference has {string.Join("/", references.Select(r => r.ValueKind).Distinct())}");
            return;
        }

        if (actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in actual.EnumerateObject())
            {
                var matches = references.Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty(property.Name, out _))
                    .Select(r => r.GetProperty(property.Name)).ToList();
                if (matches.Count == 0 && !allowedExtra.Contains($"{path}.{property.Name}"))
                {
                    found.Add($"{path}.{property.Name}: not in the reference");
                }
                else if (matches.Count > 0)
                {
                    Compare(property.Value, matches, $"{path}.{property.Name}", allowedExtra, found);
                }
            }
        }
        else if (actual.ValueKind == JsonValueKind.Array)
        {
            // Any element of the reference arrays may serve as the model of an element.
            var items = references.Where(r => r.ValueKind == JsonValueKind.Array).SelectMany(r => r.EnumerateArray()).ToList();
            foreach (var item in actual.EnumerateArray())
            {
                Compare(item, items, $"{path}[]", allowedExtra, found);
            }
        }
    }

    private static bool SameKind(JsonValueKind a, JsonValueKind b) =>
        a == b || (a is JsonValueKind.True or JsonValueKind.False && b is JsonValueKind.True or JsonValueKind.False);
}
