using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

/// <summary>The catalogue embedded in the portal, read once.</summary>
internal sealed class SeedRequirementCatalogue : IRequirementCatalogue
{
    private readonly Lazy<RequirementCatalogue> _seed = new(RequirementCatalogueJson.Seed);

    public Task<RequirementCatalogue> CurrentAsync(CancellationToken cancellationToken = default) => Task.FromResult(_seed.Value);
}
