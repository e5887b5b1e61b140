using System.Globalization;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Operators;

/// <summary>How the operator pages say an instance's status, an effect's kind, an action and a time.</summary>
public static class OperatorWords
{
    /// <summary>The office pages' words in the officer's language (en or da: the agency side's languages).</summary>
    public static Words Of(HttpContext http) => OfficeTexts.For(http);

    public static string Status(this Words w, CaseInstanceStatus status) =>
        w.Choice("ops.status", Choices.Kebab(status));

    /// <summary>An effect's kind is its type's name (<c>SendEmail</c>): said in words, or as is when unknown.</summary>
    public static string Kind(this Words w, string kind) => w.Choice("ops.kind", Choices.Kebab(kind));

    /// <summary>An audit row's action as <see cref="OperatorDesk"/> writes it ("retry", "skip {effect}", …).</summary>
    public static string Action(this Words w, string action) => action.Split(' ', 2) switch
    {
        ["skip", var effect] => w.Format("ops.action.skip", effect),
        [var one] when one is "retry" or "terminate" => w[$"ops.action.{one}"],
        _ => action,
    };

    /// <summary>A moment in UTC, machine-readable too.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t
        ? $"<time datetime=\"{t.UtcDateTime:O}\">"
            + $"{E(t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</time>"
        : "–";
}
