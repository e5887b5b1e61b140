using System.Globalization;
using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>
/// The case store in memory, with the same contract as the Azure store: atomic, ETag-conditional commits. Also the
/// in-memory read model the case orchestration projects to.
/// </summary>
public sealed class InMemoryCaseStore : ICaseStore, ICaseReadModel
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Stream> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> secretsByCase = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return streams.Count;
            }
        }
    }

    public Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(streams.TryGetValue(caseId, out var stream) ? new StoredCase(stream.State, stream.ETag!) : null);
        }
    }

    public Task<bool> WasProcessedAsync(string caseId, string commandId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(streams.TryGetValue(caseId, out var stream) && stream.Commands.Contains(commandId));
        }
    }

    public Task<string> CommitAsync(CaseCommit commit, DateTimeOffset committedAt, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            streams.TryGetValue(commit.CaseId, out var stream);
            if (stream?.ETag != commit.ExpectedETag)
            {
                throw new CaseConcurrencyException($"Case {commit.CaseId} changed since it was read.");
            }

            if (stream is not null && stream.Commands.Contains(commit.CommandId))
            {
                throw new CaseConcurrencyException($"Command {commit.CommandId} was already processed.");
            }

            stream ??= streams[commit.CaseId] = new Stream();
            stream.State = commit.State;
            stream.ETag = commit.State.Version.ToString(CultureInfo.InvariantCulture);
            stream.Events.AddRange(commit.Events);
            stream.Commands.Add(commit.CommandId);
            foreach (var effect in commit.Effects)
            {
                stream.Outbox[effect.EffectId] = new PendingEffect(commit.CaseId, effect, committedAt);
            }

            return Task.FromResult(stream.ETag);
        }
    }

    public Task ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!streams.TryGetValue(state.CaseId, out var stream))
            {
                stream = streams[state.CaseId] = new Stream();
            }

            foreach (var recorded in events.Where(e => stream.Events.All(known => known.Version != e.Version)))
            {
                stream.Events.Add(recorded);
            }

            stream.Events.Sort((a, b) => a.Version.CompareTo(b.Version));
            if (stream.State.Version <= state.Version)
            {
                stream.State = state;
                stream.ETag = state.Version.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> KeepSecretsAsync(
        string caseId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var kept = secretsByCase.TryGetValue(caseId, out var known) ? known : secretsByCase[caseId] = new(StringComparer.Ordinal);
            IReadOnlyList<string> added = [.. secrets.Where(s => kept.TryAdd(s.Key, s.Value)).Select(s => s.Key)];
            return Task.FromResult(added);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyDictionary<string, string> copy = secretsByCase.TryGetValue(caseId, out var kept)
                ? new Dictionary<string, string>(kept, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            return Task.FromResult(copy);
        }
    }

    public Task ForgetSecretsAsync(string caseId, IReadOnlyList<string>? placeholders = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (placeholders is null)
            {
                secretsByCase.Remove(caseId);
            }
            else if (secretsByCase.TryGetValue(caseId, out var kept))
            {
                foreach (var placeholder in placeholders)
                {
                    kept.Remove(placeholder);
                }
            }

            return Task.CompletedTask;
        }
    }

    public Task<CaseState?> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(streams.TryGetValue(caseId, out var stream) ? stream.State : null);
        }
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<RecordedEvent> events = streams.TryGetValue(caseId, out var stream) ? [.. stream.Events] : [];
            return Task.FromResult(events);
        }
    }

    public Task<IReadOnlyList<PendingEffect>> PendingEffectsAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<PendingEffect> pending = [.. streams.Values.SelectMany(s => s.Outbox.Values).OrderBy(p => p.CommittedAt).Take(max)];
            return Task.FromResult(pending);
        }
    }

    public Task CompleteEffectAsync(string caseId, string effectId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (streams.TryGetValue(caseId, out var stream))
            {
                stream.Outbox.Remove(effectId);
            }

            return Task.CompletedTask;
        }
    }

    public Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (streams.TryGetValue(caseId, out var stream))
            {
                for (var i = 0; i < stream.Events.Count; i++)
                {
                    stream.Events[i] = stream.Events[i] with { Event = redact(stream.Events[i].Event) };
                }
            }

            return Task.CompletedTask;
        }
    }

    public IReadOnlyList<CaseState> AllCases()
    {
        lock (gate)
        {
            return [.. streams.Values.Select(s => s.State)];
        }
    }

    private sealed class Stream
    {
        public CaseState State { get; set; } = CaseState.Empty(string.Empty);

        public string? ETag { get; set; }

        public List<RecordedEvent> Events { get; } = [];

        public HashSet<string> Commands { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, PendingEffect> Outbox { get; } = new(StringComparer.Ordinal);
    }
}
