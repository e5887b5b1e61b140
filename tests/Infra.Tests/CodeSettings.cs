using System.Text.RegularExpressions;

namespace Reintegration.Infra.Tests;

/// <summary>
/// The configuration keys src/Functions reads, found in its source at test time: indexers (<c>config["A:B"]</c>),
/// <c>GetValue("A:B")</c>, and sections bound to options classes (<c>GetSection("A").Get&lt;T&gt;()</c>,
/// <c>GetSection(T.Section)</c>) expanded through the classes' settable properties. Lists and dictionaries become
/// <c>*</c>: <c>Intake:Native:Secrets:*</c>, <c>Auth:ApiKeys:*:Key</c>. Any other whole string literal shaped like a key
/// (<c>Require(problems, "Documents:Key")</c>) counts too, unless it is only a section above other keys.
/// </summary>
public static partial class CodeSettings
{
    public static IReadOnlySet<string> Keys => LazyKeys.Value;

    private static readonly Lazy<IReadOnlySet<string>> LazyKeys = new(Scan);

    private static IReadOnlySet<string> Scan()
    {
        var sources = Repo.FunctionsSources.Select(File.ReadAllText).ToList();
        var classes = sources.SelectMany(ClassBodies).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => string.Concat(g.Select(c => c.Body)));
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            keys.UnionWith(Indexer().Matches(source).Select(m => m.Groups[1].Value));
            keys.UnionWith(GetValue().Matches(source).Select(m => m.Groups[1].Value));
            foreach (Match m in SectionGet().Matches(source))
            {
                Expand(classes, m.Groups[2].Value, m.Groups[1].Value + (m.Groups["list"].Success ? ":*" : string.Empty), keys, 0);
            }

            foreach (Match m in SectionConst().Matches(source))
            {
                var type = m.Groups[1].Value;
                var section = classes.TryGetValue(type, out var body) && SectionDecl().Match(body) is { Success: true } s
                    ? s.Groups[1].Value
                    : throw new InvalidOperationException($"{type}.Section is used but its constant was not found");
                Expand(classes, type, section, keys, 0);
            }
        }

        var literals = sources.SelectMany(s => KeyLiteral().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        keys.UnionWith(literals.Where(l => !keys.Any(k => k.StartsWith(l + ":", StringComparison.OrdinalIgnoreCase))
            && !literals.Any(o => o.StartsWith(l + ":", StringComparison.OrdinalIgnoreCase))));
        return keys;
    }

    private static void Expand(Dictionary<string, string> classes, string type, string prefix, HashSet<string> keys, int depth)
    {
        if (depth > 8 || !classes.TryGetValue(type, out var body))
        {
            keys.Add(prefix);
            return;
        }

        foreach (Match p in Property().Matches(body))
        {
            var propertyType = Regex.Replace(p.Groups[1].Value, @"\s|\?", string.Empty);
            var path = prefix + ":" + p.Groups[2].Value;
            if (Collection().Match(propertyType) is { Success: true } c)
            {
                Expand(classes, c.Groups["item"].Value, path + ":*", keys, depth + 1);
            }
            else
            {
                Expand(classes, propertyType, path, keys, depth + 1);
            }
        }
    }

    /// <summary>Each type declared at the top level of a file, with its text up to the next top-level type.</summary>
    private static IEnumerable<(string Name, string Body)> ClassBodies(string source)
    {
        var declarations = TypeDecl().Matches(source);
        for (var i = 0; i < declarations.Count; i++)
        {
            var end = i + 1 < declarations.Count ? declarations[i + 1].Index : source.Length;
            yield return (declarations[i].Groups[1].Value, source[declarations[i].Index..end]);
        }
    }

    [GeneratedRegex(@"(?:config|Configuration|IConfiguration>\(\))\[""([^""]+)""\]")]
    private static partial Regex Indexer();

    /// <summary>A whole literal <c>"Section:Key"</c> (not interpolated, no spaces): the shape of a configuration key.</summary>
    [GeneratedRegex(@"(?<![$@\w])""([A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9]*)+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"(?<![A-Za-z])GetValue(?:<[^>(]+>)?\(""([^""]+)""")]
    private static partial Regex GetValue();

    [GeneratedRegex(@"GetSection\(""([^""]+)""\)\.Get<(?<list>(?:List|IList|IReadOnlyList)<)?(\w+)>")]
    private static partial Regex SectionGet();

    [GeneratedRegex(@"GetSection\((\w+)\.Section\)")]
    private static partial Regex SectionConst();

    [GeneratedRegex(@"const string Section = ""([^""]+)""")]
    private static partial Regex SectionDecl();

    [GeneratedRegex(@"^public (?:sealed |static |abstract )*(?:partial )?(?:class|record) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDecl();

    [GeneratedRegex(@"public\s+([\w<>\[\],\s?]+?)\s+(\w+)\s*\{\s*get;")]
    private static partial Regex Property();

    [GeneratedRegex(@"^(?:(?:List|IList|IReadOnlyList)<(?<item>\w+)>|(?<item>\w+)\[\]|(?:Dictionary|IDictionary|IReadOnlyDictionary)<string,(?<item>\w+)>)$")]
    private static partial Regex Collection();
}
