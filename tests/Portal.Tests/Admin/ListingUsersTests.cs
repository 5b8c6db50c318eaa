using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The users grid's query: search, role filter, sort and page run in the database.</summary>
public sealed class ListingUsersTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static DateTime Day(int day) => new(2026, 3, day, 9, 0, 0, DateTimeKind.Utc);

    private async Task<GridPage<UserRow>> UsersAsync(GridQuery query, string? role = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().UsersAsync(query, role);
    }

    [Fact]
    public async Task SearchOnName_FindsOnlyMatches_InEachSortOrder_AndCountsThemAll()
    {
        await app.CreateStaffAsync("Bram Lijstpersoon", "c-lijst@arnhem.example", PortalRoles.Officer, Day(3));
        await app.CreateStaffAsync("Anna Lijstpersoon", "b-lijst@arnhem.example", PortalRoles.Admin, Day(1));
        await app.CreateStaffAsync("Cees Lijstpersoon", "a-lijst@arnhem.example", PortalRoles.Officer, Day(2));

        var byName = await UsersAsync(new GridQuery("LIJSTpersoon", null, false, 0, 25));
        var byNameDown = await UsersAsync(new GridQuery("lijstpersoon", "DisplayName", true, 0, 25));
        var byEmail = await UsersAsync(new GridQuery("lijstpersoon", "Email", false, 0, 25));
        var byEmailDown = await UsersAsync(new GridQuery("lijstpersoon", "Email", true, 0, 25));
        var oldestFirst = await UsersAsync(new GridQuery("lijstpersoon", "CreatedAtUtc", false, 0, 25));
        var newestFirst = await UsersAsync(new GridQuery("lijstpersoon", "CreatedAtUtc", true, 0, 25));

        Assert.Equal(3, byName.Total);
        Assert.Equal(["Anna Lijstpersoon", "Bram Lijstpersoon", "Cees Lijstpersoon"], byName.Items.Select(u => u.DisplayName));
        Assert.Equal(["Cees Lijstpersoon", "Bram Lijstpersoon", "Anna Lijstpersoon"], byNameDown.Items.Select(u => u.DisplayName));
        Assert.Equal(["a-lijst@arnhem.example", "b-lijst@arnhem.example", "c-lijst@arnhem.example"], byEmail.Items.Select(u => u.Email));
        Assert.Equal(["c-lijst@arnhem.example", "b-lijst@arnhem.example", "a-lijst@arnhem.example"], byEmailDown.Items.Select(u => u.Email));
        Assert.Equal(["Anna Lijstpersoon", "Cees Lijstpersoon", "Bram Lijstpersoon"], oldestFirst.Items.Select(u => u.DisplayName));
        Assert.Equal(["Bram Lijstpersoon", "Cees Lijstpersoon", "Anna Lijstpersoon"], newestFirst.Items.Select(u => u.DisplayName));
        Assert.Equal([PortalRoles.Admin], byName.Items[0].Roles);
        Assert.True(byName.Items[0].EmailConfirmed);
        Assert.False(byName.Items[0].LockedOut);
    }

    [Fact]
    public async Task SearchOnPartOfTheEmailAddress_FindsThatAccount()
    {
        await app.CreateStaffAsync("Zonder Trefwoord", "postvak-zoektest@utrecht.example", PortalRoles.Officer, Day(4));

        var found = await UsersAsync(new GridQuery("POSTVAK-zoek", null, false, 0, 25));

        Assert.Equal("Zonder Trefwoord", Assert.Single(found.Items).DisplayName);
    }

    [Fact]
    public async Task TheRoleFilter_KeepsOnlyThatRole_AndAnUnknownRoleFiltersNothing()
    {
        await app.CreateStaffAsync("Rolfilter Ambtenaar", $"rol-a-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, Day(5));
        await app.CreateStaffAsync("Rolfilter Beheerder", $"rol-b-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Admin, Day(5));

        var officers = await UsersAsync(new GridQuery("rolfilter", null, false, 0, 25), PortalRoles.Officer);
        var unknown = await UsersAsync(new GridQuery("rolfilter", null, false, 0, 25), "Koning");
        var cpoUsers = await UsersAsync(GridQuery.Default, PortalRoles.CpoUser);

        Assert.Equal(["Rolfilter Ambtenaar"], officers.Items.Select(u => u.DisplayName));
        Assert.Equal(2, unknown.Total);
        Assert.Equal([DemoAccounts.Cpo], cpoUsers.Items.Select(u => u.Email));
        Assert.Equal(1, cpoUsers.Total);
    }

    [Fact]
    public async Task TheTenant_IsTheOperatorOfACpoUser_AndTheMunicipalitiesOfAnOfficer()
    {
        var officer = await UsersAsync(new GridQuery(DemoAccounts.Officer, null, false, 0, 25));
        var cpo = await UsersAsync(new GridQuery(DemoAccounts.Cpo, null, false, 0, 25));

        Assert.Contains("Arnhem", Assert.Single(officer.Items).Tenant, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Assert.Single(cpo.Items).Tenant));
    }

    [Fact]
    public async Task APageBeyondTheFirst_SkipsTheRowsBeforeIt_AndKeepsTheTotal()
    {
        for (var i = 1; i <= 5; i++)
            await app.CreateStaffAsync($"Paginapersoon {i}", $"pagina-{i}-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, Day(6));

        var second = await UsersAsync(new GridQuery("paginapersoon", "DisplayName", false, 1, 2));

        Assert.Equal(5, second.Total);
        Assert.Equal(["Paginapersoon 3", "Paginapersoon 4"], second.Items.Select(u => u.DisplayName));
    }
}
