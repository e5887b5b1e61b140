using System.Security.Cryptography;
using Reintegration.Domain.Cases;
using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Photos and PDFs sent with a monitoring report: checked (count, size, type by content), encrypted into the document
/// vault under a fresh id, and named on the report. A report already received stores nothing more; a report the case
/// then refuses has its documents deleted again (<see cref="DiscardAsync"/>).
/// </summary>
public static class MonitoringAttachments
{
    public const int MaxFiles = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<(CaseCommand? Command, string? Problem)> AttachAsync(
        HttpContext http, CaseCommand.SubmitMonitoringReport command, IFormFileCollection files, CaseState state, CancellationToken cancellationToken)
    {
        var sent = files.Where(f => f.Length > 0).ToList();
        // A closed (or erased) case will refuse the report: store nothing for it.
        if (sent.Count == 0 || state.Stage == CaseStage.Closed
            || state.MonitoringReports.ContainsKey(command.Report.Month))
        {
            return (command, null);
        }

        if (sent.Count > MaxFiles || sent.Any(f => f.Length > MaxBytes) || http.RequestServices.GetService<DocumentVault>() is not { } vault)
        {
            return (null, "problem.attachments");
        }

        var contents = new List<(string Type, byte[] Bytes)>();
        foreach (var file in sent)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            if (TypeOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } type)
            {
                return (null, "problem.attachments");
            }

            contents.Add((type, buffer.ToArray()));
        }

        var ids = new List<string>();
        foreach (var (type, bytes) in contents)
        {
            var id = $"monitoring-{command.Report.Month}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
            await vault.PutAsync(command.CaseId, id, type, bytes, cancellationToken);
            ids.Add(id);
        }

        return (command with { Report = command.Report with { AttachmentIds = ids } }, null);
    }

    /// <summary>
    /// Deletes what <see cref="AttachAsync"/> stored for a command the case did not take (refused, a duplicate, or a
    /// failure), so no document outlives the case's record of it, e.g. on a case closed or erased meanwhile.
    /// </summary>
    public static async Task DiscardAsync(HttpContext http, CaseCommand command)
    {
        if (command is CaseCommand.SubmitMonitoringReport { Report.AttachmentIds: { Count: > 0 } ids }
            && http.RequestServices.GetService<DocumentVault>() is { } vault)
        {
            foreach (var id in ids)
            {
                // Not the request's token: a client that went away must not leave the document behind.
                await vault.DeleteAsync(command.CaseId, id, CancellationToken.None);
            }
        }
    }

    /// <summary>The type by the file's first bytes, not by what the browser claims: JPEG, PNG or PDF only.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
