using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.Infra.Tests;

/// <summary>The repository's files as the tests read them: the template, its parameter files, the code.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reintegration.Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reintegration.Serverless.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly JsonDocumentOptions Strict = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonObject Json(string relative) =>
        JsonNode.Parse(Text(relative), documentOptions: Strict)?.AsObject() ?? throw new InvalidOperationException(relative + " is empty");

    public static JsonObject Template => Json("infra/main.json");

    public static IReadOnlyList<string> ParameterFiles =>
        [.. Directory.GetFiles(PathOf("infra"), "parameters.*.json").Select(f => "infra/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The C# sources of the one executable, without build output.</summary>
    public static IReadOnlyList<string> FunctionsSources =>
        [.. Directory.GetFiles(PathOf("src/Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node as compact JSON text with quotes left as they are, so expressions read as written.</summary>
    public static string Raw(this JsonNode node) => node.ToJsonString(Unescaped);

    /// <summary>Every string value in a JSON tree (property names excluded).</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
