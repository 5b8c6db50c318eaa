using Portal.Domain.Contracts;
using Portal.Domain.Requirements;

namespace Portal.Integration.Contracts;

/// <summary>
/// The evidence and measurements a contract version's requirements are judged by (<see cref="RequirementStateRule"/>):
/// certificates and declarations the CPO uploaded with the officer's decision, and figures from OCPI data and field
/// audits. Evidence upload and audits replace <see cref="NoContractEvidence"/> with their own implementation.
/// </summary>
public interface IContractEvidence
{
    Task<IReadOnlyDictionary<RequirementKey, RequirementEvidence>> ForVersionAsync(Guid contractId, Guid versionId, CancellationToken cancellationToken = default);
}

/// <summary>What is known about one requirement of a version: the evidence given and the measurements made.</summary>
public sealed record RequirementEvidence(IReadOnlyList<EvidenceRecord> Evidence, IReadOnlyList<Measurement> Measurements)
{
    public static readonly RequirementEvidence None = new([], []);
}

/// <summary>Until evidence can be given, nothing is: every requirement is judged without evidence or measurements.</summary>
public sealed class NoContractEvidence : IContractEvidence
{
    public Task<IReadOnlyDictionary<RequirementKey, RequirementEvidence>> ForVersionAsync(Guid contractId, Guid versionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<RequirementKey, RequirementEvidence>>(new Dictionary<RequirementKey, RequirementEvidence>());
}
