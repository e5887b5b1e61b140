using System.Globalization;
using System.Security.Claims;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Security;

/// <summary>
/// One read of a case, or an operator's action on it: who, in which role, when; for an action, which and why (the
/// operator's reason, at most 500 characters).
/// </summary>
public sealed record AuditEntry(string CaseId, string Caller, string Role, DateTimeOffset At)
{
    public const string Read = "read";

    public string Action { get; init; } = Read;

    public string? Reason { get; init; }
}

/// <summary>Where audit entries are kept, by case.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// The case's erasure: each operator reason (free text, which may name the person) reads <see cref="PersonalData.Erased"/>;
    /// who did what, and when, stays.
    /// </summary>
    Task ForgetReasonsAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>Who read which case: a structured log line and a row in the audit trail (ids only, no personal data).</summary>
public sealed partial class AuditLog(ILogger<AuditLog> logger, IAuditTrail trail, TimeProvider clock)
{
    public Task ReadAsync(ClaimsPrincipal user, string caseId, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(caseId, Caller.IdOf(user), Caller.RoleOf(user)?.ToString() ?? "none", clock.GetUtcNow());
        CaseRead(logger, entry.Caller, entry.Role, caseId);
        return trail.RecordAsync(entry, cancellationToken);
    }

    /// <summary>
    /// A read through an e-mail link page (it shows names and dates of birth): the caller is the link, by its id,
    /// in the role the link was sent to.
    /// </summary>
    public Task LinkReadAsync(string caseId, string linkId, Role role, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(caseId, linkId, role.ToString(), clock.GetUtcNow());
        CaseRead(logger, entry.Caller, entry.Role, caseId);
        return trail.RecordAsync(entry, cancellationToken);
    }

    /// <summary>An operator's action on a case's orchestration (retry, skip an effect, terminate), with the reason.</summary>
    public Task OperatedAsync(ClaimsPrincipal user, string caseId, string action, string reason, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(caseId, Caller.IdOf(user), Caller.RoleOf(user)?.ToString() ?? "none", clock.GetUtcNow())
        {
            Action = action,
            Reason = reason.Length > 500 ? reason[..500] : reason,
        };
        CaseOperated(logger, entry.Caller, entry.Role, action, caseId);
        return trail.RecordAsync(entry, cancellationToken);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Audit: {Caller} ({Role}) did {Action} on case {CaseId}")]
    private static partial void CaseOperated(ILogger logger, string caller, string role, string action, string caseId);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Audit: {Caller} ({Role}) read case {CaseId}")]
    private static partial void CaseRead(ILogger logger, string caller, string role, string caseId);
}

/// <summary>The audit trail on Azure Tables: one partition per case, newest first.</summary>
public sealed class TableAuditTrail(TableClient table) : IAuditTrail
{
    public TableClient Table => table;

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        table.AddEntityAsync(new TableEntity(entry.CaseId, $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Caller"] = entry.Caller,
            ["Role"] = entry.Role,
            ["At"] = entry.At,
            ["Action"] = entry.Action,
            ["Reason"] = entry.Reason,
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), 1000, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(caseId, row.GetString("Caller")!, row.GetString("Role")!, row.GetDateTimeOffset("At")!.Value)
            {
                Action = row.GetString("Action") ?? AuditEntry.Read,
                Reason = row.GetString("Reason"),
            });
        }

        return entries;
    }

    public async Task ForgetReasonsAsync(string caseId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and Reason ne {PersonalData.Erased}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey", "Reason"], cancellationToken))
        {
            if (row.GetString("Reason") is not null)
            {
                await table.UpdateEntityAsync(
                    new TableEntity(row.PartitionKey, row.RowKey) { ["Reason"] = PersonalData.Erased }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
        }
    }
}

/// <summary>The audit trail in memory, for the in-memory mode.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly List<AuditEntry> entries = [];

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. entries.Where(e => e.CaseId == caseId).OrderByDescending(e => e.At)]);
        }
    }

    public Task ForgetReasonsAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].CaseId == caseId && entries[i].Reason is not null)
                {
                    entries[i] = entries[i] with { Reason = PersonalData.Erased };
                }
            }
        }

        return Task.CompletedTask;
    }
}
