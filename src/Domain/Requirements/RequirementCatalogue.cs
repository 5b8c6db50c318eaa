namespace Portal.Domain.Requirements;

/// <summary>The requirement catalogue officers attach requirements from: every set, each requirement by its key.</summary>
public sealed class RequirementCatalogue
{
    private readonly Dictionary<RequirementKey, Requirement> _byKey;

    public RequirementCatalogue(int schemaVersion, IReadOnlyList<RequirementSet> sets)
    {
        SchemaVersion = schemaVersion;
        Sets = sets;
        _byKey = sets.SelectMany(s => s.Requirements).ToDictionary(r => r.Key);
    }

    public int SchemaVersion { get; }

    public IReadOnlyList<RequirementSet> Sets { get; }

    public IEnumerable<Requirement> Requirements => Sets.SelectMany(s => s.Requirements);

    public Requirement? Find(RequirementKey key) => _byKey.GetValueOrDefault(key);
}
