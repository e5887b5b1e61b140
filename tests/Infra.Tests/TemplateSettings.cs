using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reintegration.Infra.Tests;

/// <summary>
/// The app settings the template sets: the <c>Microsoft.Web/sites/config</c> "appsettings" resource's properties
/// expression, the variables it names (object variables by their keys; expression variables by the setting names
/// their string literals spell, <c>{0}</c> for a list index), and the names in the expression itself.
/// </summary>
public static partial class TemplateSettings
{
    /// <summary>Setting name as written (e.g. <c>Auth__ApiKeys__{0}__Key</c>) and its value when it is a literal object entry.</summary>
    public static IReadOnlyDictionary<string, string?> Names(JsonObject template)
    {
        var config = AppSettingsResource(template);
        var expression = config["properties"]?.GetValue<string>() ?? throw new InvalidOperationException("appsettings has no properties expression");
        var variables = template["variables"]!.AsObject();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var literal in SettingLiterals(expression))
        {
            names[literal] = null;
        }

        foreach (Match m in VariableRef().Matches(expression))
        {
            switch (variables[m.Groups[1].Value])
            {
                case JsonObject fixedSettings:
                    foreach (var (name, value) in fixedSettings)
                    {
                        names[name] = value?.GetValue<string>();
                    }

                    break;
                case JsonValue built when built.TryGetValue<string>(out var builtExpression):
                    foreach (var literal in SettingLiterals(builtExpression))
                    {
                        names[literal] = null;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"variables('{m.Groups[1].Value}') is neither an object nor an expression");
            }
        }

        return names;
    }

    /// <summary><c>Intake__Native__Secrets__0</c> → <c>Intake:Native:Secrets:*</c>; <c>Auth__ApiKeys__{0}__Key</c> → <c>Auth:ApiKeys:*:Key</c>.</summary>
    public static string ToConfigKey(string settingName) =>
        string.Join(':', settingName.Split("__").Select(s => IndexSegment().IsMatch(s) ? "*" : s));

    public static JsonObject AppSettingsResource(JsonObject template) =>
        template["resources"]!.AsArray().OfType<JsonObject>()
            .Single(r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.Contains("/appsettings", StringComparison.Ordinal));

    private static IEnumerable<string> SettingLiterals(string expression) =>
        QuotedLiteral().Matches(expression).Select(m => m.Groups[1].Value).Where(s => SettingName().IsMatch(s));

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableRef();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedLiteral();

    /// <summary>Hierarchical (<c>A__B</c>) or host-style upper-case (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>) names.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9{}]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^(?:\d+|\{\d+\})$")]
    private static partial Regex IndexSegment();
}
