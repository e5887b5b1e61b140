using System.Globalization;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>The agency caseworker's forms: the eligibility decision and the plan approval. Never the counselling note.</summary>
public static class CaseworkerForms
{
    public static string Eligibility(CaseState state, Words w)
    {
        // An erased case keeps no pre-check (a lapsed case can still be reopened after erasure).
        var check = state.PreCheck;
        var findings = check is null ? [] : check.Failed.Select(f => Finding(w["rule.failed"], f, w))
            .Concat(check.Flagged.Select(f => Finding(w["rule.flagged"], f, w)));
        var file = state.File!;
        var family = string.Concat(file.Everyone.Select(p =>
            $"<li>{E(w.Relationship(p.Relationship))}: {E(p.Name)}, " +
            $"{E(w.Format("age", p.AgeOn(file.SubmittedOn)))}{(p.UnaccompaniedMinor ? ", " + E(w["unaccompanied"]) : string.Empty)}</li>"));
        var verdict = check is null
            ? string.Empty
            : $"<p>{E(check.Passed ? w["precheck.passed"] : w["precheck.failed"])}</p>";
        return $"{verdict}<ul>{string.Concat(findings)}</ul>" +
            $"<h2>{E(w["family"])}</h2><ul class=\"family\">{family}</ul>" +
            $"<p>{E(w.Format("people", file.People, w["type." + Choices.Kebab(file.ReturnType)]))}</p>" +
            $"<label for=\"reason\">{E(w["reason"])}</label><textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"2000\"></textarea>" +
            $"<button name=\"decision\" value=\"eligible\">{E(w["eligible"])}</button><button class=\"secondary\" name=\"decision\" value=\"not-eligible\">{E(w["not-eligible"])}</button>";
    }

    public static string Plan(CaseState state, Programme programme, Words w)
    {
        var plan = state.Plan!;
        var file = state.File!;
        var caps = PlanCaps.For(programme, file);
        var breaches = caps.Check(plan.Lines);
        var people = string.Concat(file.Everyone.Select(p =>
            $"<li>{E(p.Name)}, {E(w.Format("born", p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}{(p.UnaccompaniedMinor ? ", " + E(w["unaccompanied"]) : string.Empty)}</li>"));
        var rows = string.Concat(plan.Lines.Select(l =>
            $"<tr><td data-label=\"{E(w["col.service"])}\">{E(w.Choice("service", Choices.Kebab(l.Category)))}</td>" +
            $"<td data-label=\"{E(w["col.description"])}\">{E(l.Description)}</td><td class=\"amount\" data-label=\"{E(w["col.amount"])}\">{E(l.Amount.ToString())}</td></tr>"));
        var used = caps.Total.Amount > 0 ? plan.Total.Amount / caps.Total.Amount : 0m;
        var capCheck = breaches.Count == 0
            ? $"<p class=\"ok\">{E(w["within"])}</p>"
            : $"<div class=\"error\"><strong>{E(w["over"])}</strong><ul>{string.Concat(breaches.Select(b => $"<li>{E(w.Format("breach." + b.Cap, caps.TotalExplanation, b.Planned, b.Limit, b.Excess))}</li>"))}</ul></div>";
        return $"<h2>{E(w["returnee"])}</h2><ul>{people}</ul><p>{E(w.Format("people", file.People, w["type." + Choices.Kebab(file.ReturnType)]))}</p>" +
            $"<h2>{E(w["budget"])}</h2><p>{E(w.Format("plan.summary", plan.Version, plan.Total))}</p>" +
            $"<table class=\"stack\"><thead><tr><th scope=\"col\">{E(w["col.service"])}</th><th scope=\"col\">{E(w["col.description"])}</th><th scope=\"col\">{E(w["col.amount"])}</th></tr></thead>" +
            $"<tbody>{rows}</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">{E(w["col.total"])}</th><td class=\"amount\">{E(plan.Total.ToString())}</td></tr></tfoot></table>" +
            $"<p>{E(w.Format("cap", caps.Total, caps.TotalExplanation))}{(caps.Cash is { Amount: > 0 } cash ? " " + E(w.Format("cap.cash", cash)) : string.Empty)}</p>" +
            $"<label for=\"cap-use\">{E(w.Format("use", used.ToString("P0", CultureInfo.InvariantCulture)))}</label>" +
            $"<meter id=\"cap-use\" min=\"0\" max=\"{caps.Total.Amount.ToString(CultureInfo.InvariantCulture)}\" optimum=\"0\" high=\"{caps.Total.Amount.ToString(CultureInfo.InvariantCulture)}\" value=\"{plan.Total.Amount.ToString(CultureInfo.InvariantCulture)}\">{E(plan.Total.ToString())}</meter>" +
            capCheck +
            $"<label for=\"comment\">{E(w["comment"])}</label><textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea>" +
            $"<button name=\"decision\" value=\"approve\">{E(w["approve"])}</button><button class=\"secondary\" name=\"decision\" value=\"reject\">{E(w["reject"])}</button>";
    }

    // What was found first (a minor conviction), then the rule's own text, so a flag is not read as the rule's worst case.
    private static string Finding(string verdict, Reintegration.Domain.Eligibility.RuleFinding finding, Words w) =>
        $"<li>{E(verdict)} <strong data-rule=\"{E(finding.Rule)}\">{E(w.RuleName(finding.Rule))}</strong>" +
        (finding.Found is { } found ? $": {E(w.Format("found", w.Choice("found", found)))}" : string.Empty) +
        $" <span class=\"muted\">({E(w["rule"])}: {E(w.RuleText(finding.Rule))})</span></li>";
}
