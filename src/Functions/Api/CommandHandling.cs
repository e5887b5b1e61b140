using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Cases;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Api;

/// <summary>What an endpoint needs to turn a request into a command: its id and time.</summary>
public sealed record CommandContext(string CaseId, string CommandId, DateTimeOffset At);

/// <summary>The one path every command endpoint takes: role, body, access, decide, answer.</summary>
public static partial class CommandHandling
{
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKey();

    /// <summary>A step from <see cref="CaseSteps"/>, the same the case page's forms take.</summary>
    public static Task<IResult> RunAsync(HttpRequest request, string caseId, DurableTaskClient? client, CaseStep step) =>
        RunAsync(request, caseId, client, step.Roles, step.HasFields, step.Build);

    public static async Task<IResult> RunAsync(
        HttpRequest request, string caseId, DurableTaskClient? client, Role[] roles, bool hasBody,
        Func<Fields, CommandContext, CaseCommand?> build)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (await Access.CallerAsync(http) is { } refused)
        {
            return refused;
        }

        if (!Caller.Is(http.User, roles))
        {
            return Problems.Of("forbidden", "Not for your role.", $"This action is for: {string.Join(", ", roles.Select(Choices.Kebab))}.", StatusCodes.Status403Forbidden);
        }

        if (!CaseIds.IsValid(caseId))
        {
            return Problems.Invalid([new FieldProblem("caseId", "is not a case id")]);
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && !IdempotencyKey().IsMatch(key))
        {
            return Problems.Invalid([new FieldProblem("Idempotency-Key", "must be 1 to 100 letters, digits or . _ : -")]);
        }

        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var context = new CommandContext(caseId, key.Length > 0 ? $"api:{Caller.IdOf(http.User)}:{key}" : $"api:{Guid.NewGuid():N}", clock.GetUtcNow());

        CaseCommand? command;
        if (hasBody)
        {
            var (document, problem) = await JsonBody.ReadAsync(http.Request);
            if (problem is not null)
            {
                return problem;
            }

            using (document)
            {
                var fields = new Fields(document!.RootElement);
                command = build(fields, context);
                if (!fields.Ok || command is null)
                {
                    return Problems.Invalid(fields.Problems);
                }

                // Only once the rest reads well: a reader that stops at a broken field leaves later ones unasked.
                if (fields.Unasked() is { Count: > 0 } unasked)
                {
                    return Problems.Invalid(unasked);
                }
            }
        }
        else
        {
            command = build(new Fields(default), context);
        }

        var store = services.GetRequiredService<ICaseReadModel>();
        if (await store.ReadAsync(caseId, http.RequestAborted) is not { } stored || !CaseAccess.CanSee(http.User, stored))
        {
            return Problems.NotFound(caseId);
        }

        var result = await services.GetRequiredService<ICaseCommandsSource>().For(client)
            .HandleAsync(command!, stored, http.RequestAborted);
        var answer = new CommandAnswer(caseId, Choices.Kebab(result.Outcome), Choices.Kebab(result.State.Stage), result.State.Version);
        return result.Rejection is { } rejection ? Problems.Refused(rejection)
            : result.Outcome == CommandOutcome.Pending ? Results.Accepted($"/api/cases/{caseId}", answer)
            : Results.Ok(answer);
    }
}

/// <summary>The answer to a command: the case's stage and version after it.</summary>
public sealed record CommandAnswer(string CaseId, string Outcome, string Stage, long Version);

/// <summary>Case ids are short, printable and safe in table keys and URLs.</summary>
public static partial class CaseIds
{
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string caseId) => Pattern().IsMatch(caseId);
}
