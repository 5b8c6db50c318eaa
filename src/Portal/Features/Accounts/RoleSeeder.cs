using Microsoft.AspNetCore.Identity;
using Portal.Domain.Accounts;

namespace Portal.Features.Accounts;

/// <summary>Makes sure the four portal roles exist; safe to run on every start.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
