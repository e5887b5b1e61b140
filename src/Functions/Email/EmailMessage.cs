namespace Reintegration.Functions.Email;

/// <summary>A composed e-mail, ready for a delivery (SendGrid, or the local dev outbox). Case and effect ids travel along for tracing and bounce alerts.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, string CaseId, string EffectId);
