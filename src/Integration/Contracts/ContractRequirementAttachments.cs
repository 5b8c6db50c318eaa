using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Integration.Contracts;

/// <summary>How many contracts (in any of their versions) have each requirement attached, for the catalogue's warning.</summary>
public sealed class ContractRequirementAttachments(PortalDbContext db) : IRequirementAttachments
{
    public async Task<IReadOnlyDictionary<RequirementKey, int>> CountAttachedAsync(IReadOnlyCollection<RequirementKey> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
            return new Dictionary<RequirementKey, int>();
        var sets = keys.Select(k => k.SetId).Distinct().ToList();
        var codes = keys.Select(k => k.Code).Distinct().ToList();
        var rows = await db.Set<AttachedRequirement>()
            .Where(r => sets.Contains(r.SetId) && codes.Contains(r.Code))
            .Join(db.Set<ContractVersion>(), r => r.ContractVersionId, v => v.Id, (r, v) => new { r.SetId, r.Code, v.ContractId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var wanted = keys.ToHashSet();
        return rows.GroupBy(r => new RequirementKey(r.SetId, r.Code))
            .Where(g => wanted.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
