using Reintegration.Functions.Tests.Hardening;
using Xunit.Sdk;

namespace Reintegration.Functions.Tests.Support;

public sealed class LongestFirstOrdererTests
{
    [Fact]
    public void Given_the_suites_collections_When_ordered_Then_the_fault_run_starts_first_whatever_its_name()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(LongestFirstOrdererTests).Assembly));
        var perClass = new TestCollection(assembly, null, "Test collection for Reintegration.Functions.Tests.Hardening.FaultRunTests");
        var app = new TestCollection(assembly, Reflector.Wrap(typeof(AzuriteAppCollection)), AzuriteAppCollection.Name);
        var faultRun = new TestCollection(assembly, Reflector.Wrap(typeof(FaultRunCollection)), "renamed");

        new LongestFirstOrderer().OrderTestCollections([perClass, app, faultRun]).ShouldBe([faultRun, perClass, app]);
    }
}
