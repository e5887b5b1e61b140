using System.Globalization;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Api;

namespace Reintegration.Functions.Localization;

/// <summary>
/// Says in a page's language what the domain hands over as codes and values: a programme's name (from its profile),
/// the next deadline, a closure reason, a plan's status, a relationship, a rule's name and text.
/// </summary>
public static class CaseWords
{
    public static string ProgrammeName(this Words w, Programme programme) =>
        w.FromProfile(programme.NameIn(w.Language), programme.Name, $"programme-name.{programme.Id}");

    /// <summary>What is due, from its key (<see cref="DueItem.Key"/>, e.g. <c>monitoring-report:3</c>).</summary>
    public static string Due(this Words w, string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? w.Choice("due", key)
            : w.Format("due." + key[..colon], key[(colon + 1)..]);
    }

    public static string Due(this Words w, DueItem due) => w.Due(due.Key);

    public static string Closure(this Words w, ClosureReason reason) => w.Choice("closure", Choices.Kebab(reason));

    public static string PlanStatus(this Words w, PlanStatus status) => w.Choice("plan-status", Choices.Kebab(status));

    public static string Relationship(this Words w, Relationship relationship) =>
        w.Choice("relationship", Choices.Kebab(relationship));

    public static string ArrivalService(this Words w, PostArrivalService service) =>
        w.Choice("arrival-service", Choices.Kebab(service));

    public static string Situation(this Words w, Situation situation) =>
        w.Choice("situation", Choices.Kebab(situation));

    public static string RuleName(this Words w, string rule) => w.Choice("rule", rule);

    public static string RuleText(this Words w, string rule) => w[$"rule.{rule}.text"];

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
