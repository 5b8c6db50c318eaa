using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>Tenants a test needs, registered through the administrator's own service.</summary>
public static class TenantTestData
{
    public static async Task<Guid> RegisterMunicipalityAsync(this PortalAppFactory app, string code, string name)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<TenantAdministration>().RegisterMunicipalityAsync(code, name));
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities
            .Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }
}
