using System.Security.Claims;

namespace Reintegration.Functions.Security;

/// <summary>Who read which case, as a structured log entry (ids only, no personal data).</summary>
public sealed partial class AuditLog(ILogger<AuditLog> logger)
{
    public void Read(ClaimsPrincipal user, string caseId) => CaseRead(logger, Caller.IdOf(user), Caller.RoleOf(user)?.ToString() ?? "none", caseId);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Audit: {Caller} ({Role}) read case {CaseId}")]
    private static partial void CaseRead(ILogger logger, string caller, string role, string caseId);
}
