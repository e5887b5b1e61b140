using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>The read model in memory: each case's snapshot, events and sealed secrets, as the orchestration projects them.</summary>
public sealed class InMemoryReadModel : ICaseReadModel
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Stream> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> secretsByCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> startsNoted = new(StringComparer.Ordinal);

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

    public Task<bool> ProjectAsync(CaseState state, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!streams.TryGetValue(state.CaseId, out var stream))
            {
                stream = streams[state.CaseId] = new Stream();
            }

            if (stream.State.Version > state.Version)
            {
                return Task.FromResult(false);
            }

            foreach (var recorded in events.Where(e => stream.Events.All(known => known.Version != e.Version)))
            {
                stream.Events.Add(recorded);
            }

            stream.Events.Sort((a, b) => a.Version.CompareTo(b.Version));
            stream.State = state;
            return Task.FromResult(true);
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

    public Task NoteStartAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            startsNoted[caseId] = at;
            return Task.CompletedTask;
        }
    }

    public Task SettleStartAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            startsNoted.Remove(caseId);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> UnsettledStartsAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<string> unsettled = [.. startsNoted.Where(n => n.Value < before).Select(n => n.Key).Order(StringComparer.Ordinal)];
            return Task.FromResult(unsettled);
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

        public List<RecordedEvent> Events { get; } = [];
    }
}
