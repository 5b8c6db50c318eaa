using System.Security.Claims;
using Portal.Domain.Accounts;
using Portal.Domain.Contracts;
using Portal.Features.Accounts;

namespace Portal.Features.Contracts;

/// <summary>
/// Who may see and change which contracts: officers see the contracts of their municipalities (a regional contract:
/// the officers of each member) and only the lead municipality's officers change one; CPO users see their own
/// operator's contracts, read-only; administrators see all, read-only.
/// </summary>
internal sealed class ContractAccess(TenantAccess tenants)
{
    public async Task<ContractViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        new(user.IsInRole(PortalRoles.Admin), await tenants.MunicipalitiesOfAsync(user, ct), await tenants.OperatorOfAsync(user, ct));
}

/// <summary>The signed-in person's reach over contracts.</summary>
internal sealed record ContractViewer(bool IsAdmin, IReadOnlyList<Guid> Municipalities, Guid? OperatorId)
{
    public bool CanRead(Contract contract) =>
        IsAdmin || contract.MunicipalityIds.Any(Municipalities.Contains) || (OperatorId is { } own && contract.OperatorId == own);

    public bool CanEdit(Contract contract) => Municipalities.Contains(contract.LeadMunicipalityId);
}
