using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;

namespace Portal.Integration.Contracts.Evidence;

/// <summary>
/// The evidence CPOs gave for a contract's requirements, with the officers' decisions, as <see cref="IContractEvidence"/>
/// hands it to the requirement state rule. Evidence belongs to a requirement of the contract, so every version that has
/// the requirement attached is judged by it. No measurements yet: those come from OCPI data and field audits.
/// </summary>
public sealed class StoredContractEvidence(PortalDbContext db) : IContractEvidence
{
    public async Task<IReadOnlyDictionary<RequirementKey, RequirementEvidence>> ForVersionAsync(Guid contractId, Guid versionId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => e.ContractId == contractId)
            .Include(e => e.Evses).ToListAsync(cancellationToken);
        return evidence.GroupBy(e => e.Requirement)
            .ToDictionary(g => g.Key, g => new RequirementEvidence(g.Select(e => e.ToRecord()).ToList(), []));
    }
}
