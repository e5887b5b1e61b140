using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// The read model the case orchestration projects to after each generation: each case's snapshot and events, as the
/// API and the pages read them. A projection, never the authority: the orchestration's state is.
/// </summary>
public interface ICaseReadModel
{
    /// <summary>
    /// Writes <paramref name="events"/> and then the snapshot. Idempotent (rows keyed by version). False, and nothing
    /// written, when a newer snapshot is stored: a newer projection wrote these events already, and writing them again
    /// (an activity run twice, its old run late) would undo what came after, an erasure's redaction included.
    /// </summary>
    Task<bool> ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default);

    Task<CaseState?> ReadAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Rewrites every stored event of a case through <paramref name="redact"/> (erasure). Idempotent.</summary>
    Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a command's sealed personal fields (<see cref="Sealing"/>) with the case. A secret already kept is not
    /// replaced (a repeated command id changes nothing); returns the placeholders this call added.
    /// </summary>
    Task<IReadOnlyList<string>> KeepSecretsAsync(string caseId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the named secrets, or all of the case's when <paramref name="placeholders"/> is null (erasure).</summary>
    Task ForgetSecretsAsync(string caseId, IReadOnlyList<string>? placeholders = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes, before an accepted application's secrets are kept, that its case is about to start. A sweep looks at
    /// each note an hour later: a case that started keeps its secrets, one that did not (the app stopped between the
    /// writes) has them forgotten; either way the note is then settled (<see cref="SettleStartAsync"/>).
    /// </summary>
    Task NoteStartAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task SettleStartAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The cases whose start was noted before <paramref name="before"/> and never settled.</summary>
    Task<IReadOnlyList<string>> UnsettledStartsAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
