using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Changes;
using Portal.Integration.Municipalities;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// One cached answer to "which municipality contains this point", for every feature that asks; a boundary
/// set on any node is known to every node within seconds.
/// </summary>
public sealed class KnowingMunicipalBoundariesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // Arnhem's station square and the middle of the North Sea.
    private const double ArnhemLatitude = 51.9849, ArnhemLongitude = 5.8993;

    [Fact]
    public async Task APointInArnhem_LiesInArnhem_AndThePointAtSea_InNoMunicipality()
    {
        var boundaries = app.App.Services.GetRequiredService<MunicipalityBoundaries>();

        var arnhem = await boundaries.ContainingAsync(ArnhemLatitude, ArnhemLongitude);
        var sea = await boundaries.ContainingAsync(53.5, 3.5);

        Assert.Equal("Arnhem", arnhem?.Name);
        Assert.Null(sea);
    }

    [Fact]
    public async Task ABoundarySetOnAnotherNode_IsKnownHereWithinSeconds()
    {
        var boundaries = app.App.Services.GetRequiredService<MunicipalityBoundaries>();
        var id = await app.RegisterMunicipalityAsync("GM0356", "Grensdorp");
        Assert.Null(await boundaries.ContainingAsync(52.1, 5.1));   // now cached without Grensdorp's boundary
        await using var second = app.CreateSecondNode();
        using var heard = new SemaphoreSlim(0);
        using var _ = app.App.Services.GetRequiredService<LiveChanges>()
            .Subscribe(ChangeTopic.Municipalities, () => { heard.Release(); return Task.CompletedTask; });

        await SetSquareBoundaryAsync(second, id);

        BoundedMunicipality? found;
        while ((found = await boundaries.ContainingAsync(52.1, 5.1)) is null)
            Assert.True(await heard.WaitAsync(Wait), "This node heard of no change to a municipality.");
        Assert.Equal(id, found.Id);
    }

    private static async Task SetSquareBoundaryAsync(WebApplicationFactory<Program> node, Guid municipalityId)
    {
        const string Square = """{"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]]}""";
        await using var scope = node.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<TenantAdministration>().SetBoundaryAsync(municipalityId, new MemoryStream(Encoding.UTF8.GetBytes(Square))));
    }
}
