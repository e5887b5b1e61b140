using DurableTask.Core;

namespace Reintegration.Functions.Orchestration;

/// <summary>Registers an orchestration or activity with a <see cref="TaskHubWorker"/> by exact name, no version.</summary>
public sealed class NamedCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public NamedCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        this.create = create;
    }

    public override T Create() => create();
}
