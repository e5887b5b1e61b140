using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Orchestration;

/// <summary>What the read model is given after a generation: the case as it stands and the events that led there.</summary>
public sealed record CaseProjection(CaseState State, IReadOnlyList<RecordedEvent> Events);
