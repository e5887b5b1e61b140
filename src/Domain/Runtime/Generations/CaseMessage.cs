using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.Generations;

/// <summary>
/// What reaches a case's orchestration from outside: a command stamped with its time at the edge, or a clock tick
/// (no command) that only fires the timers due by then (the development clock moving on).
/// </summary>
public sealed record CaseMessage(DateTimeOffset At, CaseCommand? Command)
{
    public static CaseMessage Of(CaseCommand command) => new(command.At, command);

    public static CaseMessage Tick(DateTimeOffset at) => new(at, null);
}
