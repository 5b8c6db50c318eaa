using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.Requirements;

/// <summary>
/// The catalogue is public knowledge (it summarises published documents), so officers, administrators and CPO users
/// all read it; each call is checked against the role the reader holds.
/// </summary>
internal static class ReaderRole
{
    public const string Roles = $"{PortalRoles.Officer},{PortalRoles.Admin},{PortalRoles.CpoUser}";

    public static string Of(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer
        : user.IsInRole(PortalRoles.Admin) ? PortalRoles.Admin
        : PortalRoles.CpoUser;
}
