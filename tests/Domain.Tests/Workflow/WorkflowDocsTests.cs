using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Tests.Workflow;

public class WorkflowDocsTests
{
    [Fact]
    public void Committed_workflow_diagram_and_command_table_are_up_to_date()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "WORKFLOW.md");
        var generated = WorkflowDocs.Markdown();
        if (Environment.GetEnvironmentVariable("REGENERATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing: run REGENERATE_DOCS=1 dotnet test tests/Domain.Tests");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(generated, "docs/WORKFLOW.md is stale: run REGENERATE_DOCS=1 dotnet test tests/Domain.Tests");
    }

    [Fact]
    public void Every_command_has_a_row_in_the_workflow_map()
    {
        var commands = typeof(Cases.CaseCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(Cases.CaseCommand))).Select(t => t.Name);
        commands.ShouldAllBe(c => WorkflowMap.StagesAccepting(c).Count > 0);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reintegration.Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
