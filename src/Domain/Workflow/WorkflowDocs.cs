using System.Text;
using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Workflow;

/// <summary>
/// Generates docs/WORKFLOW.md from <see cref="WorkflowMap"/> and <see cref="WaitingStages"/>: the Mermaid state
/// diagram, the command table and the waiting stages.
/// </summary>
public static class WorkflowDocs
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Case workflow");
        text.AppendLine();
        text.AppendLine("Generated from `src/Domain/Workflow/WorkflowMap.cs` by `WorkflowDocs`; do not edit by hand.");
        text.AppendLine("A test fails when this file is stale: regenerate with `REGENERATE_DOCS=1 dotnet test tests/Domain.Tests`.");
        text.AppendLine();
        text.AppendLine("## States");
        text.AppendLine();
        text.AppendLine(Mermaid());
        text.AppendLine("From every open stage (not drawn above): " + string.Join("; ", WorkflowMap.Everywhere.Select(t => $"`{t.Command}` ({t.When})")) + ".");
        text.AppendLine();
        text.AppendLine("## Commands and the stages that accept them");
        text.AppendLine();
        text.AppendLine("| command | accepted in | leads to |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var command in typeof(CaseCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(CaseCommand))).Select(t => t.Name))
        {
            var accepted = WorkflowMap.StagesAccepting(command);
            var moves = WorkflowMap.All.Where(t => t.Command == command).ToList();
            var leadsTo = moves.Where(t => t.To != t.From).Select(t => t.To.ToString()).Distinct().Order()
                .Concat(moves.Any(t => t.To == t.From) ? ["(stays)"] : []);
            var stages = accepted.Count == WorkflowMap.OpenStages.Count || accepted.Count == WorkflowMap.OpenStages.Count + 1
                ? "every open stage" + (accepted.Contains(CaseStage.Closed) ? " and Closed" : string.Empty)
                : string.Join(", ", accepted);
            text.AppendLine($"| {command} | {stages} | {string.Join(", ", leadsTo)} |");
        }

        text.AppendLine();
        text.AppendLine("## Waiting stages");
        text.AppendLine();
        text.AppendLine("Generated from `src/Domain/Workflow/WaitingStages.cs`. In each, a reminder goes to whoever "
            + "must act, escalations go to the programme officer and repeat until the end, and the wait ends as the "
            + "programme sets (`deadlines.waits.<setting>` in days; docs/PROGRAMMES.md). A timer of a wait that is "
            + "over does nothing.");
        text.AppendLine();
        text.AppendLine("| setting | stages | waits for | reminded | ends | timers |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var wait in WaitingStages.All)
        {
            var setting = char.ToLowerInvariant(wait.Kind.ToString()[0]) + wait.Kind.ToString()[1..];
            text.AppendLine(
                $"| `{setting}` | {string.Join(", ", wait.Stages)} | {wait.WaitsFor} | {wait.Reminded} | {wait.Ends} "
                + $"| {wait.Reminder}, {wait.Escalation}, {wait.End} |");
        }

        return text.ToString().ReplaceLineEndings("\n");
    }

    public static string Mermaid()
    {
        var text = new StringBuilder();
        text.AppendLine("```mermaid");
        text.AppendLine("stateDiagram-v2");
        text.AppendLine("    [*] --> New");
        foreach (var t in WorkflowMap.Transitions)
        {
            var label = t.When is null ? t.Command : $"{t.Command} ({t.When})";
            text.AppendLine($"    {t.From} --> {t.To} : {label}");
        }

        text.AppendLine("    Closed --> [*]");
        text.Append("```");
        return text.ToString();
    }
}
