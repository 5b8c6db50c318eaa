using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Accounts;

namespace Portal.Tests.Infrastructure;

/// <summary>The principal a log-in would give an account (roles, security stamp), for calling services as that person.</summary>
public static class TestPrincipals
{
    public static async Task<ClaimsPrincipal> PrincipalOfAsync(this PortalAppFactory app, string email)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }
}
