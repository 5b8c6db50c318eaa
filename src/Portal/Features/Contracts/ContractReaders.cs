using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.Contracts;

/// <summary>The roles that read contracts, and the one a person's calls on the contract pages are checked against.</summary>
internal static class ContractReaders
{
    public const string Roles = PortalRoles.Officer + "," + PortalRoles.CpoUser + "," + PortalRoles.Admin;

    /// <summary>An officer's role first (officers edit), then a CPO user's, then an administrator's.</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer : user.IsInRole(PortalRoles.CpoUser) ? PortalRoles.CpoUser : PortalRoles.Admin;
}
