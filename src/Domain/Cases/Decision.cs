namespace Reintegration.Domain.Cases;

/// <summary>An expected business refusal: a code the API can show, a sentence for people, and the field at fault.</summary>
public sealed record Rejection(string Code, string Message, string? Field = null);

/// <summary>What <c>Decide</c> answers: the events to append and the effects to run, or a named rejection.</summary>
public sealed record Decision(IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseEffect> Effects, Rejection? Rejection)
{
    /// <summary>Accepted, and nothing changes: a repeat, or a timer the case has moved past.</summary>
    public static readonly Decision Nothing = new([], [], null);

    public static Decision Reject(string code, string message, string? field = null) => new([], [], new Rejection(code, message, field));
}
