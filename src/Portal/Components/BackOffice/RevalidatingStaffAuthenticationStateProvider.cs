using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Portal.Hosting;

namespace Portal.Components.BackOffice;

/// <summary>
/// The circuit's authentication state, re-checked every <see cref="BackOfficeOptions.RevalidationSeconds"/>:
/// a blocked account or a removed role ends access in the open circuit too (the router then sends
/// the person to the log-in page).
/// </summary>
internal sealed class RevalidatingStaffAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<BackOfficeOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, options.Value.RevalidationSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffPrincipalCheck>().StillValidAsync(authenticationState.User);
    }
}
