using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Components.BackOffice;

/// <summary>
/// Runs one call of a back-office page: first checks that the circuit's user still holds the role
/// the call needs (against the database, not only the cookie's claims), then runs the call in a
/// DI scope of its own. A circuit lives for hours and its components load in parallel, so a page
/// must not hold one DbContext for all its work: each call gets fresh services and sees the
/// database as it is now.
/// </summary>
/// <example><c>rows = await Calls.RunAsync(PortalRoles.Admin, (TenantAdministration t) =&gt; t.MunicipalitiesAsync());</c></example>
internal sealed class ServiceCalls(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, NavigationManager navigation)
{
    public async Task<TResult> RunAsync<TService, TResult>(string role, Func<TService, Task<TResult>> call) where TService : notnull =>
        await RunAsync<TService, TResult>(role, (service, _) => call(service));

    public async Task RunAsync<TService>(string role, Func<TService, Task> call) where TService : notnull =>
        await RunAsync<TService, bool>(role, async (service, _) => { await call(service); return true; });

    /// <summary>For calls that need the person themselves (their id, their municipalities, their operator).</summary>
    public async Task<TResult> RunAsync<TService, TResult>(string role, Func<TService, ClaimsPrincipal, Task<TResult>> call) where TService : notnull
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        if (!user.IsInRole(role) || !await scope.ServiceProvider.GetRequiredService<StaffPrincipalCheck>().StillValidAsync(user))
        {
            // The account was blocked, lost the role or signed out elsewhere while the page was open.
            navigation.NavigateTo(RedirectToLogin.LoginUrl(navigation), forceLoad: true);
            throw new BackOfficeAccessDeniedException(role);
        }
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), user);
    }
}

/// <summary>A back-office call refused because its user no longer holds the role it needs.</summary>
public sealed class BackOfficeAccessDeniedException(string role)
    : Exception($"The signed-in user no longer holds the role {role}.");
