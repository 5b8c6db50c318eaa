using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>Calls a feature service as a signed-in person would through the back office: in a scope of its own, with their principal.</summary>
public static class ServiceCallsAsPerson
{
    public static async Task<TResult> CallAsync<TService, TResult>(this PortalAppFactory app, string email, Func<TService, ClaimsPrincipal, Task<TResult>> call) where TService : notnull
    {
        var user = await app.PrincipalOfAsync(email);
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), user);
    }
}
