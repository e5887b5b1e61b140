namespace Reintegration.Domain.Programmes;

/// <summary>One problem in a programme profile: the file, the field's path and the reason.</summary>
public sealed record ProgrammeProfileError(string File, string Field, string Reason)
{
    public override string ToString() => $"{File}: {Field} {Reason}";
}

/// <summary>Thrown at start-up when a profile is invalid; lists every problem found.</summary>
public sealed class ProgrammeProfileException : Exception
{
    public ProgrammeProfileException(IReadOnlyList<ProgrammeProfileError> errors)
        : base("Invalid programme profile:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public ProgrammeProfileException()
        : this([])
    {
    }

    public ProgrammeProfileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ProgrammeProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ProgrammeProfileError> Errors { get; } = [];
}
