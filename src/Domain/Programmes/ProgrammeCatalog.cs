namespace Reintegration.Domain.Programmes;

/// <summary>The programmes this deployment runs, by id. Built once at start-up; every profile is validated then.</summary>
public sealed class ProgrammeCatalog
{
    private readonly Dictionary<string, Programme> programmes;

    public ProgrammeCatalog(IEnumerable<Programme> programmes)
    {
        this.programmes = [];
        foreach (var programme in programmes)
        {
            if (!this.programmes.TryAdd(programme.Id, programme))
            {
                throw new ProgrammeProfileException($"Two programme profiles use the id '{programme.Id}'.");
            }
        }
    }

    public IReadOnlyCollection<Programme> All => programmes.Values;

    public Programme? Find(string id) => programmes.GetValueOrDefault(id);

    public Programme Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"No programme profile '{id}' is loaded.");

    /// <summary>The profiles shipped with the product (drc-denmark, eu-eurp), embedded from <c>programmes/*.json</c>.</summary>
    public static ProgrammeCatalog Shipped()
    {
        var assembly = typeof(ProgrammeCatalog).Assembly;
        var profiles = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("programmes/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return ProgrammeProfile.Parse(name, reader.ReadToEnd());
            });
        return new ProgrammeCatalog(profiles);
    }
}
