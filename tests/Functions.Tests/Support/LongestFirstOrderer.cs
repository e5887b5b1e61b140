using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer(
    "Reintegration.Functions.Tests.Support.LongestFirstOrderer", "Reintegration.Functions.Tests")]

namespace Reintegration.Functions.Tests.Support;

/// <summary>
/// Starts the collections marked <see cref="StartsFirstAttribute"/> (the small fault run's) first. xUnit runs as many
/// collections at once as there are cores (two here) and starts them in this order; the fault run takes about two
/// minutes alone, the rest about as long together, so started last it ran on after everything else was done.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private static readonly string Marker = typeof(StartsFirstAttribute).AssemblyQualifiedName!;

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.CollectionDefinition?.GetCustomAttributes(Marker).Any() == true ? 0 : 1);
}

/// <summary>On a collection definition: its tests start before every other collection's (<see cref="LongestFirstOrderer"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsFirstAttribute : Attribute;
