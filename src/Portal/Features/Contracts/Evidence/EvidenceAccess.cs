using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Contracts;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Contracts.Evidence;

/// <summary>
/// Who may do what with a contract's evidence: the CPO users of the contract's operator upload it; officers of any of
/// the contract's municipalities accept or reject it; they, administrators and the operator's CPO users read it and
/// download its files. Anyone else learns nothing: the contract is "not found" for them.
/// </summary>
internal sealed class EvidenceAccess(PortalDbContext db, TenantAccess tenants)
{
    /// <summary>The contract with its municipalities and versions (with their requirements), and the person's reach; null when they may not see it.</summary>
    public async Task<EvidenceReach?> ReachAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var contract = await db.Set<Contract>().AsNoTracking()
            .Include(c => c.Municipalities).Include(c => c.Versions).ThenInclude(v => v.Requirements).Include(c => c.CoverageRules)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return null;
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        var operatorId = await tenants.OperatorOfAsync(user, ct);
        var reach = new EvidenceReach(contract,
            IsOfficer: contract.MunicipalityIds.Any(municipalities.Contains),
            IsOperator: operatorId is { } own && own == contract.OperatorId,
            IsAdmin: user.IsInRole(PortalRoles.Admin));
        return reach.CanRead ? reach : null;
    }
}

/// <summary>A person's reach over one contract's evidence.</summary>
internal sealed record EvidenceReach(Contract Contract, bool IsOfficer, bool IsOperator, bool IsAdmin)
{
    public bool CanRead => IsOfficer || IsOperator || IsAdmin;
    public bool CanUpload => IsOperator;
    public bool CanDecide => IsOfficer;
}
