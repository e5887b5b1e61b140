using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Storage.Cases;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>A read model and a case list to run the same contract against.</summary>
public sealed record ReadModels(ICaseReadModel Cases, ICaseIndex Index);

/// <summary>Makes fresh, empty read models for one test.</summary>
public interface IReadModelsFactory
{
    Task<ReadModels> CreateAsync();
}

public sealed class InMemoryReadModels : IReadModelsFactory
{
    public Task<ReadModels> CreateAsync() =>
        Task.FromResult(new ReadModels(new InMemoryReadModel(), new InMemoryCaseIndex()));
}

public sealed class AzuriteReadModels(AzuriteFixture azurite) : IReadModelsFactory
{
    public async Task<ReadModels> CreateAsync()
    {
        var cases = azurite.Account.Table(UniqueName.Table());
        var index = azurite.Account.Table(UniqueName.Table());
        await cases.CreateIfNotExistsAsync();
        await index.CreateIfNotExistsAsync();
        return new ReadModels(new TableReadModel(cases), new TableCaseIndex(index));
    }
}
