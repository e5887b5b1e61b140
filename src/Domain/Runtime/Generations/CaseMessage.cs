using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.Generations;

/// <summary>
/// What reaches a case's orchestration from outside: a command stamped with its time at the edge, or a clock tick
/// (no command) that only fires the timers due by then (the development clock moving on). <see cref="ClockOffset"/> is
/// how far the sender's clock stood from real time (zero in production; the development clock's offset otherwise), so
/// the orchestration's real-time wake-up timer lands when the case's clock reaches the due time.
/// </summary>
public sealed record CaseMessage(DateTimeOffset At, CaseCommand? Command, string? TickId = null, TimeSpan ClockOffset = default)
{
    /// <summary>
    /// Set by the sender to find the answer to this very message: a redelivered command has the command id of the
    /// first delivery, and its answer (duplicate) must not be taken for the first one's.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>An operator's action on the case's pending work (no command, no tick).</summary>
    public CaseOperation? Operation { get; init; }

    public static CaseMessage Of(CaseCommand command) => new(command.At, command);

    /// <summary>A tick; with <paramref name="tickId"/> its handling is answered like a command's, so a sender can wait for it.</summary>
    public static CaseMessage Tick(DateTimeOffset at, string? tickId = null) => new(at, null, tickId);

    /// <summary>An operator's action, stamped with its time: due timers fire first, as before any message.</summary>
    public static CaseMessage Of(CaseOperation operation, DateTimeOffset at) => new(at, null) { Operation = operation };
}
