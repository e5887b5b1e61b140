namespace Reintegration.Domain.Eligibility;

/// <summary>
/// A rule that failed or flagged, by name and reason, and what was found when the rule covers several facts
/// (a code the pages translate, e.g. <c>conviction.minor</c>); null when the rule's name says it all.
/// </summary>
public sealed record RuleFinding(string Rule, string Reason, string? Found = null);

/// <summary>The pre-check's advice to the agency: every failed rule, not just the first.</summary>
public sealed record PreCheckResult(IReadOnlyList<RuleFinding> Failed, IReadOnlyList<RuleFinding> Flagged)
{
    public bool Passed => Failed.Count == 0;
}

/// <summary>Runs the programme's named rules over an applicant. Advises only: the agency decides.</summary>
public static class PreCheck
{
    public static PreCheckResult Run(EligibilityContext context)
    {
        var failed = new List<RuleFinding>();
        var flagged = new List<RuleFinding>();
        foreach (var name in context.Programme.Eligibility.Rules)
        {
            var rule = EligibilityRules.Known[name];
            var verdict = rule.Check(context);
            if (verdict == RuleVerdict.Fails)
            {
                failed.Add(new RuleFinding(rule.Name, rule.Reason, rule.Found?.Invoke(context)));
            }
            else if (verdict == RuleVerdict.Flagged)
            {
                flagged.Add(new RuleFinding(rule.Name, rule.Reason, rule.Found?.Invoke(context)));
            }
        }

        return new PreCheckResult(failed, flagged);
    }
}
