using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

/// <summary>The requirement catalogue in force: the newest loaded version, or the seed the portal ships with.</summary>
public interface IRequirementCatalogue
{
    Task<RequirementCatalogue> CurrentAsync(CancellationToken cancellationToken = default);
}
