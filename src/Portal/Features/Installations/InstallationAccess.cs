using System.Security.Claims;
using Portal.Domain.Accounts;
using Portal.Domain.Installations;
using Portal.Features.Accounts;

namespace Portal.Features.Installations;

/// <summary>
/// Who may see and change which installation cases: officers those of their municipalities (open, plan, pause,
/// cancel, move, and report like the CPO); CPO users those of their own operator (accept and report steps);
/// administrators all, read-only.
/// </summary>
internal sealed class InstallationAccess(TenantAccess tenants)
{
    public async Task<InstallationViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        new(user.IsInRole(PortalRoles.Admin), await tenants.MunicipalitiesOfAsync(user, ct), await tenants.OperatorOfAsync(user, ct));
}

internal sealed record InstallationViewer(bool IsAdmin, IReadOnlyList<Guid> Municipalities, Guid? OperatorId)
{
    public bool CanRead(InstallationCase installation) =>
        IsAdmin || Municipalities.Contains(installation.MunicipalityId) || (OperatorId is { } own && installation.OperatorId == own);

    /// <summary>Opening, planning for the municipality, pausing, cancelling and moving: the municipality's officers.</summary>
    public bool CanManage(InstallationCase installation) => Municipalities.Contains(installation.MunicipalityId);

    /// <summary>Reporting steps: the case's CPO, and the municipality's officers (for a CPO that reports by mail).</summary>
    public bool CanReport(InstallationCase installation) => CanManage(installation) || (OperatorId is { } own && installation.OperatorId == own);
}
