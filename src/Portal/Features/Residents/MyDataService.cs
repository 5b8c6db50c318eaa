using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Integration.Accounts;

namespace Portal.Features.Residents;

/// <summary>What the portal holds about a resident (GDPR art. 15): shown on a page and downloadable as JSON.</summary>
internal sealed class MyDataService(UserManager<PortalUser> users)
{
    public async Task<MyData?> ForAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return null;
        return new MyData(
            new MyAccount(user.DisplayName, user.Email!, user.EmailConfirmed, user.TwoFactorEnabled, user.CreatedAtUtc, (await users.GetRolesAsync(user)).ToList()));
    }
}

public sealed record MyData(MyAccount Account);

public sealed record MyAccount(string DisplayName, string Email, bool EmailConfirmed, bool TwoFactorEnabled, DateTime CreatedAtUtc, IReadOnlyList<string> Roles);
