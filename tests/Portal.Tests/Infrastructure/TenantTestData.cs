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

    public static async Task<Guid> RegisterOperatorAsync(this PortalAppFactory app, string name, string? partyId = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<TenantAdministration>().RegisterOperatorAsync(name, partyId));
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Operators
            .Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A confirmed staff account with one role, created on the given day.</summary>
    public static async Task<string> CreateStaffAsync(this PortalAppFactory app, string displayName, string email, string role, DateTime createdAtUtc, Guid? operatorId = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Integration.Accounts.PortalUser>>();
        var user = new Portal.Integration.Accounts.PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAtUtc = createdAtUtc, OperatorId = operatorId,
        };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}
