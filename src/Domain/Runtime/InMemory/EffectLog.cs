using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>Records messages sent, once per effect id, in the order they went out.</summary>
public sealed class EffectLog : IMessageSender
{
    private readonly Lock gate = new();
    private readonly List<CaseEffect> sent = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public IReadOnlyList<CaseEffect> Sent
    {
        get
        {
            lock (gate)
            {
                return [.. sent];
            }
        }
    }

    public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (ids.Add(effect.EffectId))
            {
                sent.Add(effect);
            }

            return Task.CompletedTask;
        }
    }
}
