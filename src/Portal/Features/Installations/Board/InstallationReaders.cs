using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.Installations.Board;

/// <summary>The roles that read installation cases, and the one a person's calls on the board and case page are checked against.</summary>
internal static class InstallationReaders
{
    public const string Roles = PortalRoles.Officer + "," + PortalRoles.CpoUser + "," + PortalRoles.Admin;

    /// <summary>An officer's role first (officers manage), then a CPO user's (reports), then an administrator's (reads).</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer : user.IsInRole(PortalRoles.CpoUser) ? PortalRoles.CpoUser : PortalRoles.Admin;
}
