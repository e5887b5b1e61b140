using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reintegration.Functions.Pages.Actions;

/// <summary>
/// A case-page form as the JSON the API takes, so one reader (<see cref="Api.Fields"/>) checks both. Input names are
/// the JSON paths (<c>departure</c>, <c>estimatedValue.amount</c>, <c>lines[2].description</c>, <c>services[]</c>);
/// an empty input is an absent field; an object whose only values are carried ones (hidden ids and currencies) is
/// dropped, so blank plan rows and an empty optional amount send nothing; numbers are sent as numbers when they read
/// as one (else as text, which the reader refuses by field). List items are renumbered without the dropped rows, and
/// <see cref="Converted.InputOf"/> turns a problem's field back into the input the person typed in.
/// </summary>
public static partial class FormJson
{
    [GeneratedRegex(@"^(?<name>[A-Za-z]{1,40})(\[(?<index>\d{1,3})\])?$")]
    private static partial Regex Segment();

    /// <summary>
    /// The deepest input name read (no form nests beyond <c>lines[2].amount</c>): a name of more parts is ignored like
    /// any name that is not a path, so no posted name builds JSON deeper than the serializer's limit of 64 (it was a 500).
    /// </summary>
    private const int DeepestPath = 6;

    public sealed record Converted(JsonElement Root, IReadOnlyDictionary<string, string> Renumbered)
    {
        /// <summary>The input name a field path came from (<c>lines[0].amount</c> back to <c>lines[3].amount</c>).</summary>
        public string InputOf(string field)
        {
            foreach (var (sent, typed) in Renumbered)
            {
                if (field == sent || field.StartsWith(sent + ".", StringComparison.Ordinal))
                {
                    return typed + field[sent.Length..];
                }
            }

            return field;
        }
    }

    /// <param name="form">The posted form.</param>
    /// <param name="ignored">Fields that are not the step's (the antiforgery token, the form's id).</param>
    /// <param name="carried">Field names that do not make an object worth sending on their own.</param>
    /// <param name="numbers">Field names sent as numbers.</param>
    public static Converted From(IFormCollection form, ISet<string> ignored, ISet<string> carried, ISet<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(form);
        var root = new Node();
        foreach (var (key, values) in form)
        {
            if (ignored.Contains(key))
            {
                continue;
            }

            var isList = key.EndsWith("[]", StringComparison.Ordinal);
            var path = (isList ? key[..^2] : key).Split('.');
            var node = root;
            var valid = path.Length <= DeepestPath;
            foreach (var part in valid ? path : [])
            {
                var match = Segment().Match(part);
                if (!match.Success)
                {
                    valid = false;
                    break;
                }

                node = node.Child(match.Groups["name"].Value);
                if (match.Groups["index"].Success)
                {
                    node = node.Item(int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture));
                }
            }

            if (!valid)
            {
                continue;
            }

            if (isList)
            {
                node.List = [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];
            }
            else if (values.ToString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                node.Text = text.Trim();
                node.Carried = carried.Contains(path[^1]);
                node.Number = numbers.Contains(path[^1]);
            }
        }

        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = root.ToJson(string.Empty, renumbered) ?? new JsonObject();
        return new Converted(JsonSerializer.SerializeToElement(json), renumbered);
    }

    private sealed class Node
    {
        private readonly SortedDictionary<string, Node> children = new(StringComparer.Ordinal);
        private readonly SortedDictionary<int, Node> items = [];

        public string? Text { get; set; }

        public bool Carried { get; set; }

        public bool Number { get; set; }

        public List<string>? List { get; set; }

        public Node Child(string name) => children.TryGetValue(name, out var node) ? node : children[name] = new Node();

        public Node Item(int index) => items.TryGetValue(index, out var node) ? node : items[index] = new Node();

        /// <summary>Whether anything but carried values was typed here.</summary>
        private bool Typed => (Text is not null && !Carried) || List is not null || children.Values.Any(c => c.Typed)
            || items.Values.Any(i => i.Typed);

        public JsonNode? ToJson(string path, Dictionary<string, string> renumbered)
        {
            if (List is not null)
            {
                return new JsonArray([.. List.Select(v => (JsonNode)JsonValue.Create(v))]);
            }

            if (Text is not null)
            {
                return Number && decimal.TryParse(Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(Text);
            }

            if (items.Count > 0)
            {
                var array = new JsonArray();
                foreach (var (index, item) in items.Where(i => i.Value.Typed))
                {
                    var sent = $"{path}[{array.Count}]";
                    renumbered[sent] = $"{path}[{index}]";
                    array.Add(item.ToJson(sent, renumbered));
                }

                return array;
            }

            if (!Typed)
            {
                return null;
            }

            var json = new JsonObject();
            foreach (var (name, child) in children)
            {
                var inner = child.ToJson(path.Length == 0 ? name : $"{path}.{name}", renumbered);
                if (inner is not null)
                {
                    json[name] = inner;
                }
            }

            return json;
        }
    }
}
