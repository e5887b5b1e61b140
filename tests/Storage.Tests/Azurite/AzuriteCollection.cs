namespace Reintegration.Storage.Tests.Azurite;

/// <summary>Tests in this collection share one Azurite and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>Names no other test uses, valid for tables (letters and digits) and for queues and containers (lowercase).</summary>
public static class UniqueName
{
    public static string Table() => "t" + Guid.NewGuid().ToString("N")[..20];

    public static string Queue() => "q-" + Guid.NewGuid().ToString("N")[..20];

    public static string Container() => "c-" + Guid.NewGuid().ToString("N")[..20];
}
