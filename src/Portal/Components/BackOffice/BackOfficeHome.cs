using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Components.BackOffice;

/// <summary>Where the back office's brand link leads: the first workspace the person's roles open.</summary>
public static class BackOfficeHome
{
    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? "/beheer"
        : user.IsInRole(PortalRoles.CpoUser) ? "/cpo"
        : user.IsInRole(PortalRoles.Admin) ? "/admin/gebruikers"
        : "/";
}
