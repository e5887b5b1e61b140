using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Storage.Cases;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>A set of store ports to run the same contract against.</summary>
public sealed record CaseStores(ICaseStore Cases, ITimerIndex Timers, ICaseIndex Index);

/// <summary>Makes fresh, empty stores for one test.</summary>
public interface ICaseStoresFactory
{
    Task<CaseStores> CreateAsync(DateTimeOffset now);
}

public sealed class InMemoryStores : ICaseStoresFactory
{
    public Task<CaseStores> CreateAsync(DateTimeOffset now) =>
        Task.FromResult(new CaseStores(new InMemoryCaseStore(), new InMemoryTimerIndex(), new InMemoryCaseIndex()));
}

public sealed class AzuriteStores(AzuriteFixture azurite) : ICaseStoresFactory
{
    public async Task<CaseStores> CreateAsync(DateTimeOffset now)
    {
        var cases = azurite.Account.Table(UniqueName.Table());
        var index = azurite.Account.Table(UniqueName.Table());
        await cases.CreateIfNotExistsAsync();
        await index.CreateIfNotExistsAsync();
        var timers = new TableTimerIndex(azurite.Account, UniqueName.Table());
        await timers.InitializeAsync(now);
        return new CaseStores(new TableCaseStore(cases), timers, new TableCaseIndex(index));
    }
}
