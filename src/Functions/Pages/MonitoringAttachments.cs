using System.Security.Cryptography;
using Reintegration.Domain.Cases;
using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Photos and PDFs sent with a monitoring report: checked (count, size, type by content), encrypted into the document
/// vault under a fresh id, and named on the report. A report already received stores nothing more.
/// </summary>
public static class MonitoringAttachments
{
    public const int MaxFiles = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<(CaseCommand? Command, string? Problem)> AttachAsync(
        HttpContext http, CaseCommand.SubmitMonitoringReport command, IFormFileCollection files, CaseState state, CancellationToken cancellationToken)
    {
        var sent = files.Where(f => f.Length > 0).ToList();
        if (sent.Count == 0 || state.MonitoringReports.ContainsKey(command.Report.Month))
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

    /// <summary>The type by the file's first bytes, not by what the browser claims: JPEG, PNG or PDF only.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
