using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

public sealed class SettingAMunicipalBoundaryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Square = """
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]]}, "properties": {}}
        """;

    private async Task<string> NewMunicipalityAsync(string code, string name) =>
        $"/admin/gemeenten/{await app.RegisterMunicipalityAsync(code, name)}";

    [Fact]
    public async Task AdminUploadsABoundary_ThatIsShownWithItsExtent()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var url = await NewMunicipalityAsync("GM0355", "Zeist");

        var (_, before) = await admin.GetPageAsync(url);
        var saved = await admin.UploadAsync(url, "boundary", "bestand", "zeist.geojson", Encoding.UTF8.GetBytes(Square));
        var (_, after) = await admin.FollowAsync(saved);

        Assert.Contains("Nog niet bekend", before.QuerySelector("[data-testid=boundary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Bekend (van 52, 5 tot 52.2, 5.2)", after.QuerySelector("[data-testid=boundary]")!.TextContent);
    }

    [Theory]
    [InlineData("""{"type": "Point", "coordinates": [5.1, 52.1]}""", "exactly one Polygon")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.2], [5.2, 52.0], [5.0, 52.2], [5.0, 52.0]]]}""", "Self-intersection")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[150000, 450000], [160000, 450000], [160000, 460000], [150000, 450000]]]}""", "outside")]
    public async Task UnusableBoundary_IsRefusedWithTheReason(string geoJson, string expected)
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var url = await NewMunicipalityAsync($"GM{Random.Shared.Next(1000, 9999)}", $"Proef {Guid.NewGuid():N}");

        var (_, page) = await admin.FollowAsync(await admin.UploadAsync(url, "boundary", "bestand", "grens.geojson", Encoding.UTF8.GetBytes(geoJson)));

        Assert.Contains(expected, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nog niet bekend", page.QuerySelector("[data-testid=boundary]")!.TextContent, StringComparison.Ordinal);
    }
}
