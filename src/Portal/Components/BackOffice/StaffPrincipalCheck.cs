using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Integration.Accounts;

namespace Portal.Components.BackOffice;

/// <summary>
/// Whether a signed-in principal still stands: the account exists, is not blocked, its security
/// stamp is unchanged (password, 2FA, sign-out everywhere) and it still holds every role it signed
/// in with. An open circuit asks this every few minutes.
/// </summary>
internal sealed class StaffPrincipalCheck(UserManager<PortalUser> users, IOptions<IdentityOptions> identity)
{
    public async Task<bool> StillValidAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return true;
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
            return false;
        if (users.SupportsUserSecurityStamp)
        {
            var claimed = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            if (claimed != await users.GetSecurityStampAsync(user))
                return false;
        }
        var roles = await users.GetRolesAsync(user);
        return principal.FindAll(identity.Value.ClaimsIdentity.RoleClaimType).All(c => roles.Contains(c.Value));
    }
}
