using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The administrator's service for a municipality's boundary and name; the page that uses it is tested in MunicipalityPageTests.</summary>
public sealed class SettingAMunicipalBoundaryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    public const string Square = """
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]]}, "properties": {}}
        """;

    private async Task<T> WithTenantsAsync<T>(Func<TenantAdministration, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TenantAdministration>());
    }

    [Fact]
    public async Task ABoundary_IsStored_WithItsExtent_AndAsGeoJsonForTheMap()
    {
        var id = await app.RegisterMunicipalityAsync("GM0355", "Zeist");
        var before = await WithTenantsAsync(t => t.MunicipalityAsync(id));

        var problem = await WithTenantsAsync(t => t.SetBoundaryAsync(id, new MemoryStream(Encoding.UTF8.GetBytes(Square))));
        var after = await WithTenantsAsync(t => t.MunicipalityAsync(id));

        Assert.Null(before!.Extent);
        Assert.Null(before.BoundaryGeoJson);
        Assert.Null(problem);
        Assert.Equal(new BoundaryExtent(52, 5, 52.2, 5.2), after!.Extent);
        Assert.StartsWith("""{"type":"Polygon","coordinates":[[[5,52]""", after.BoundaryGeoJson, StringComparison.Ordinal);
        Assert.NotNull(await app.QueryAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.BoundaryWkt).SingleAsync()));
    }

    [Theory]
    [InlineData("""{"type": "Point", "coordinates": [5.1, 52.1]}""", "precies één Polygon of MultiPolygon bevatten; het bevat er 0")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.2], [5.2, 52.0], [5.0, 52.2], [5.0, 52.0]]]}""", "Self-intersection")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[150000, 450000], [160000, 450000], [160000, 460000], [150000, 450000]]]}""", "outside")]
    [InlineData("""{"type": "FeatureCollection", "features": [""", "JSON")]
    public async Task AnUnusableBoundary_IsRefusedWithTheReason_AndNothingIsStored(string geoJson, string expected)
    {
        var id = await app.RegisterMunicipalityAsync($"GM{Random.Shared.Next(1000, 9999)}", $"Proef {Guid.NewGuid():N}");

        var problem = await WithTenantsAsync(t => t.SetBoundaryAsync(id, new MemoryStream(Encoding.UTF8.GetBytes(geoJson))));

        Assert.Contains(expected, problem, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await WithTenantsAsync(t => t.MunicipalityAsync(id)))!.Extent);
    }

    [Fact]
    public async Task Renaming_KeepsTheCode_AndAnEmptyNameIsRefusedInDutch()
    {
        var id = await app.RegisterMunicipalityAsync("GM0356", "Oude Naam");

        var renamed = await WithTenantsAsync(t => t.RenameAsync(id, "  Nieuwe Naam "));
        var empty = await WithTenantsAsync(t => t.RenameAsync(id, " "));

        Assert.Null(renamed);
        Assert.Equal("Een gemeente heeft een naam nodig.", empty);
        var stored = (await WithTenantsAsync(t => t.MunicipalityAsync(id)))!;
        Assert.Equal(("GM0356", "Nieuwe Naam"), (stored.Code, stored.Name));
    }

    [Fact]
    public async Task AnUnknownMunicipality_IsNothing_AndCannotBeChanged()
    {
        var unknown = Guid.NewGuid();

        Assert.Null(await WithTenantsAsync(t => t.MunicipalityAsync(unknown)));
        Assert.Equal("Deze gemeente bestaat niet meer.", await WithTenantsAsync(t => t.RenameAsync(unknown, "Spookdorp")));
        Assert.Equal("Deze gemeente bestaat niet meer.", await WithTenantsAsync(t => t.SetBoundaryAsync(unknown, new MemoryStream(Encoding.UTF8.GetBytes(Square)))));
    }
}
