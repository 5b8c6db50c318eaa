using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Hosting;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.BackOffice;

/// <summary>An open circuit keeps checking its user against the database: blocked, changed or demoted ends access.</summary>
public sealed class RevalidatingTheCircuitUserTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AFreshLogIn_StillStands()
    {
        var (_, principal) = await NewOfficerAsync();

        Assert.True(await CheckAsync(principal));
    }

    [Fact]
    public async Task ABlockedAccount_NoLongerStands()
    {
        var (email, principal) = await NewOfficerAsync();

        await WithUsersAsync(email, async (users, user) =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1));
        });

        Assert.False(await CheckAsync(principal));
    }

    [Fact]
    public async Task AChangedSecurityStamp_NoLongerStands()
    {
        var (email, principal) = await NewOfficerAsync();

        await WithUsersAsync(email, (users, user) => users.UpdateSecurityStampAsync(user));

        Assert.False(await CheckAsync(principal));
    }

    [Fact]
    public async Task ARemovedRole_NoLongerStands()
    {
        var (email, principal) = await NewOfficerAsync();

        await WithUsersAsync(email, (users, user) => users.RemoveFromRoleAsync(user, PortalRoles.Officer));

        Assert.False(await CheckAsync(principal));
    }

    [Fact]
    public async Task TheCircuitsProvider_SignsTheUserOut_AtTheNextCheckAfterTheAccountIsBlocked()
    {
        var (email, principal) = await NewOfficerAsync();
        using var provider = new RevalidatingStaffAuthenticationStateProvider(
            app.App.Services.GetRequiredService<ILoggerFactory>(),
            app.App.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new BackOfficeOptions { RevalidationSeconds = 1 }));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        await WithUsersAsync(email, async (users, user) =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        });

        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    private async Task<bool> CheckAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffPrincipalCheck>().StillValidAsync(principal);
    }

    private async Task<(string Email, ClaimsPrincipal Principal)> NewOfficerAsync()
    {
        var email = $"ambtenaar-{Guid.NewGuid():N}@arnhem.example";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Proef Ambtenaar" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.Officer)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return (email, principal);
    }

    private async Task WithUsersAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task> change)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await change(users, (await users.FindByEmailAsync(email))!);
    }
}
