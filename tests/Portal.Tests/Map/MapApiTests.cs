using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Map;

public sealed class MapApiTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // Encloses all 671 demo locations (they span 5.8123..5.9808 E, 51.9364..52.0355 N).
    private const string Arnhem = "5.80,51.93,6.00,52.04";

    private async Task<JsonElement> FeaturesAsync(PortalClient client, string query)
    {
        var response = await client.Http.GetAsync("/api/map/features?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("features").Clone();
    }

    [Theory]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(22)]
    public async Task EveryZoom_CountsEveryChargeLocationOnce(int zoom)
    {
        using var client = app.CreateClient();

        var features = await FeaturesAsync(client, $"bbox={Arnhem}&zoom={zoom}");

        Assert.Equal(671, features.EnumerateArray().Sum(f => f.GetProperty("properties").GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task LowZoom_IsClustered_HighZoom_IsSinglePoints()
    {
        using var client = app.CreateClient();

        var country = await FeaturesAsync(client, "bbox=3.2,50.7,7.3,53.7&zoom=7");
        var street = await FeaturesAsync(client, $"bbox={Arnhem}&zoom=22");

        var cluster = Assert.Single(country.EnumerateArray());
        Assert.True(cluster.GetProperty("properties").GetProperty("cluster").GetBoolean());
        Assert.Equal(671, street.GetArrayLength());
        Assert.All(street.EnumerateArray(), f => Assert.False(f.GetProperty("properties").GetProperty("cluster").GetBoolean()));
    }

    [Fact]
    public async Task SmallViewport_ReturnsOnlyWhatLiesInIt_RoundedToFiveDecimals_WithoutPersonalData()
    {
        using var client = app.CreateClient();
        const double west = 5.90, south = 51.975, east = 5.92, north = 51.99;

        var features = await FeaturesAsync(client, string.Create(CultureInfo.InvariantCulture, $"bbox={west},{south},{east},{north}&zoom=22&layers=laadpunten"));

        Assert.InRange(features.GetArrayLength(), 1, 670);
        string[] allowed = ["layer", "cluster", "count", "clusterId", "id", "label", "status", "evses"];
        foreach (var feature in features.EnumerateArray())
        {
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            var (lon, lat) = (coordinates[0].GetDouble(), coordinates[1].GetDouble());
            Assert.InRange(lon, west, east);
            Assert.InRange(lat, south, north);
            Assert.Equal(Math.Round(lon, 5), lon);
            Assert.All(feature.GetProperty("properties").EnumerateObject(), p => Assert.Contains(p.Name, allowed));
        }
    }

    [Theory]
    [InlineData("zoom=7", "bbox")]
    [InlineData("bbox=5,51,6&zoom=7", "four")]
    [InlineData("bbox=6,51,5,52&zoom=7", "minimum comes first")]
    [InlineData("bbox=5,51,6,x&zoom=7", "not a number")]
    [InlineData("bbox=5,51,6,52", "zoom")]
    [InlineData("bbox=5,51,6,52&zoom=23", "zoom")]
    [InlineData("bbox=5,51,6,52&zoom=twee", "zoom")]
    [InlineData("bbox=5,51,6,52&zoom=7&layers=bomen", "Unknown layer 'bomen'")]
    public async Task BadParameters_Get400WithAMessage(string query, string expected)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync("/api/map/features?" + query);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DemoAccounts.Resident)]
    [InlineData(DemoAccounts.Cpo)]
    public async Task SpotLayer_IsForOfficersOnly(string? account)
    {
        using var client = account is null ? app.CreateClient() : await app.LogInAsAsync(account);

        var response = await client.Http.GetAsync($"/api/map/features?bbox={Arnhem}&zoom=12&layers=plekken");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NewSpot_AppearsOnTheOfficersSpotLayerAtOnce()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var before = await FeaturesAsync(officer, $"bbox={Arnhem}&zoom=22&layers=plekken");
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var spots = scope.ServiceProvider.GetRequiredService<Portal.Features.Spots.SpotService>();
            var saved = await spots.SaveNewAsync(await app.PrincipalOfAsync(DemoAccounts.Officer), new Portal.Features.Spots.SpotForm
            {
                Latitude = 51.9961, Longitude = 5.8977, Address = "Kaartproef 1", Bays = 2,
                SetUp = Portal.Domain.Spots.SpotSetUp.InBay, FreePavementWidthCm = 150, DistanceToBayCm = 30, AcceptWarnings = true,
            });
            Assert.True(saved.Saved, saved.Problem);
        }

        var after = await FeaturesAsync(officer, $"bbox={Arnhem}&zoom=22&layers=plekken");

        Assert.Equal(before.GetArrayLength() + 1, after.GetArrayLength());
        var spot = after.EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("label").GetString() == "Kaartproef 1");
        Assert.Equal("plekken", spot.GetProperty("properties").GetProperty("layer").GetString());
        Assert.Equal("Candidate", spot.GetProperty("properties").GetProperty("status").GetString());
    }
}
