using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer(
    "Reintegration.Functions.Tests.Support.LongestFirstOrderer", "Reintegration.Functions.Tests")]

namespace Reintegration.Functions.Tests.Support;

/// <summary>
/// Starts the small fault run's collection first. xUnit runs as many collections at once as there are cores (two here)
/// and starts them in this order; the fault run takes about three minutes alone, the rest about as long together, so
/// started last it ran on after everything else was done (4 min 48 s for the assembly).
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains("FaultRunTests", StringComparison.Ordinal) ? 0 : 1);
}
