using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Storage.Cases;

namespace Reintegration.Functions.Work;

/// <summary>Where case work waits: a queue of commands (due timers, alerts), each handled once by its command id.</summary>
public interface ICaseWorkQueue
{
    Task EnqueueAsync(CaseCommand command, CancellationToken cancellationToken = default);
}

/// <summary>Runs one queued command. A message that keeps failing goes to the poison queue and raises an alert on its case.</summary>
public sealed partial class CaseWorkProcessor(CaseRuntime runtime, TimeProvider clock, ILogger<CaseWorkProcessor> logger)
{
    public static string Serialize(CaseCommand command) => Encoding.UTF8.GetString(CaseJson.Serialize(command));

    public static CaseCommand Deserialize(string text) => CaseJson.Deserialize<CaseCommand>(Encoding.UTF8.GetBytes(text));

    public async Task<CommandResult> HandleAsync(string messageText, CancellationToken cancellationToken = default)
    {
        var command = Deserialize(messageText);
        var result = await runtime.HandleAsync(command, cancellationToken);
        Handled(logger, command.GetType().Name, command.CaseId, result.Outcome.ToString());
        return result;
    }

    /// <summary>The message gave up after its retries: tell the case's people, keep the message for inspection.</summary>
    public async Task PoisonedAsync(string messageText, CancellationToken cancellationToken = default)
    {
        string caseId;
        string kind;
        try
        {
            var command = Deserialize(messageText);
            (caseId, kind) = (command.CaseId, command.GetType().Name);
        }
        catch (System.Text.Json.JsonException)
        {
            Unreadable(logger);
            return;
        }

        Poisoned(logger, kind, caseId);
        await runtime.HandleAsync(
            new CaseCommand.RaiseAlert(caseId, $"poison:{kind}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(messageText)))[..16]}", clock.GetUtcNow(), AlertKind.ProcessingFailed, $"{kind} failed repeatedly and was set aside"),
            cancellationToken);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Queued {Command} for case {CaseId}: {Outcome}")]
    private static partial void Handled(ILogger logger, string command, string caseId, string outcome);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Queued {Command} for case {CaseId} failed repeatedly; moved to the poison queue")]
    private static partial void Poisoned(ILogger logger, string command, string caseId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "An unreadable message was moved to the poison queue")]
    private static partial void Unreadable(ILogger logger);
}
