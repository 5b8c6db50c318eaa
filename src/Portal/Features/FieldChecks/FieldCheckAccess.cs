using System.Security.Claims;
using Portal.Domain.Accounts;
using Portal.Domain.Audits.FieldChecks;
using Portal.Features.Accounts;

namespace Portal.Features.FieldChecks;

/// <summary>
/// Who may see and fill in field checks: officers those of their municipalities (draw, fill in, complete),
/// administrators all, read-only. CPO users never see a sample; its failed items reach them as findings on their contracts.
/// </summary>
internal sealed class FieldCheckAccess(TenantAccess tenants)
{
    public const string Roles = PortalRoles.Officer + "," + PortalRoles.Admin;

    public async Task<FieldCheckViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        new(user.IsInRole(PortalRoles.Admin), await tenants.MunicipalitiesOfAsync(user, ct));

    /// <summary>An officer's role first (officers fill in), then an administrator's.</summary>
    public static string RoleOf(ClaimsPrincipal user) => user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer : PortalRoles.Admin;
}

internal sealed record FieldCheckViewer(bool IsAdmin, IReadOnlyList<Guid> Municipalities)
{
    public bool CanRead(FieldCheckSample sample) => IsAdmin || CanFill(sample);

    public bool CanFill(FieldCheckSample sample) => Municipalities.Contains(sample.MunicipalityId);
}
