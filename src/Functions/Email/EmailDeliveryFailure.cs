namespace Reintegration.Functions.Email;

/// <summary>
/// An e-mail of a case that SendGrid reports it could not deliver (<c>bounce</c>, including blocks, or <c>dropped</c>).
/// <see cref="EventId"/> is SendGrid's <c>sg_event_id</c>: a deterministic command id for the alert, as SendGrid may post an event twice.
/// <see cref="Reason"/> is SendGrid's reason with any e-mail address replaced.
/// </summary>
public sealed record EmailDeliveryFailure(string CaseId, string? EffectId, string EventType, string? Reason, string? EventId);
