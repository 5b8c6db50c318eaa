using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

/// <summary>
/// How many contracts have each requirement attached: the catalogue asks before a newer version drops requirements.
/// Contracts replace <see cref="NoRequirementAttachments"/> with their own implementation.
/// </summary>
public interface IRequirementAttachments
{
    /// <summary>Per key, the number of contracts that have the requirement attached; keys without any may be left out.</summary>
    Task<IReadOnlyDictionary<RequirementKey, int>> CountAttachedAsync(IReadOnlyCollection<RequirementKey> keys, CancellationToken cancellationToken = default);
}

/// <summary>Until contracts exist, nothing is attached to any requirement.</summary>
internal sealed class NoRequirementAttachments : IRequirementAttachments
{
    public Task<IReadOnlyDictionary<RequirementKey, int>> CountAttachedAsync(IReadOnlyCollection<RequirementKey> keys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<RequirementKey, int>>(new Dictionary<RequirementKey, int>());
}
