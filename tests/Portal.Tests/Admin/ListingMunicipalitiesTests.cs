using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The municipalities grid's query: search, sort and page run in the database.</summary>
public sealed class ListingMunicipalitiesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<T> WithTenantsAsync<T>(Func<TenantAdministration, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TenantAdministration>());
    }

    [Fact]
    public async Task SearchOnName_FindsOnlyMatches_InTheAskedOrder_AndCountsThemAll()
    {
        await app.RegisterMunicipalityAsync("GM0901", "Aalst Lijstdorp");
        await app.RegisterMunicipalityAsync("GM0902", "Zuidhorn Lijstdorp");
        await app.RegisterMunicipalityAsync("GM0903", "Midden Lijstdorp");

        var ascending = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery("lijstDORP", "Name", false, 0, 25)));
        var descending = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery("lijstdorp", "Name", true, 0, 25)));
        var byCode = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery("lijstdorp", "Code", true, 0, 25)));

        Assert.Equal(3, ascending.Total);
        Assert.Equal(["Aalst Lijstdorp", "Midden Lijstdorp", "Zuidhorn Lijstdorp"], ascending.Items.Select(m => m.Name));
        Assert.Equal(["Zuidhorn Lijstdorp", "Midden Lijstdorp", "Aalst Lijstdorp"], descending.Items.Select(m => m.Name));
        Assert.Equal(["GM0903", "GM0902", "GM0901"], byCode.Items.Select(m => m.Code));
    }

    [Fact]
    public async Task APageBeyondTheFirst_SkipsTheRowsBeforeIt_AndKeepsTheTotal()
    {
        for (var i = 1; i <= 5; i++)
            await app.RegisterMunicipalityAsync($"GM091{i}", $"Paginadorp {i}");

        var second = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery("paginadorp", "Code", false, 1, 2) ));

        Assert.Equal(5, second.Total);
        Assert.Equal(["GM0913", "GM0914"], second.Items.Select(m => m.Code));
    }

    [Fact]
    public async Task SearchOnACode_FindsThatMunicipality_WithItsChargeLocationsAndOfficers()
    {
        var arnhem = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery(" gm0202 ", null, false, 0, 25)));

        var row = Assert.Single(arnhem.Items);
        Assert.Equal("Arnhem", row.Name);
        Assert.True(row.ChargeLocations > 0);
        Assert.True(row.Officers >= 1);
    }

    [Fact]
    public async Task SortingOnOfficers_PutsTheMunicipalityWithOfficersFirst()
    {
        await app.RegisterMunicipalityAsync("GM0921", "Leeg Ambtenarendorp");

        var page = await WithTenantsAsync(t => t.MunicipalitiesAsync(new GridQuery(null, "Officers", true, 0, 100)));

        Assert.Equal("GM0202", page.Items[0].Code);
        Assert.Equal(0, page.Items.Single(m => m.Code == "GM0921").Officers);
    }
}
