using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Map;

public sealed class EligibilityApiTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<JsonElement> CheckAsync(double latitude, double longitude)
    {
        using var client = app.CreateClient();
        var response = await client.Http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/eligibility?lat={latitude}&lon={longitude}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task PointFarFromEveryCharger_MayApply_WithTheNearestFiveNearestFirst()
    {
        // In Sonsbeek park: the nearest public charge location is more than 250 m away.
        var result = await CheckAsync(51.994, 5.901);

        Assert.Equal("NoChargePointNearby", result.GetProperty("outcome").GetString());
        Assert.Equal("NearestBeyondPolicyDistance", result.GetProperty("reasons")[0].GetProperty("code").GetString());
        var distances = result.GetProperty("nearest").EnumerateArray().Select(n => n.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(5, distances.Count);
        Assert.Equal(distances.Order(), distances);
        Assert.True(distances[0] > 250);
    }

    [Fact]
    public async Task PointAtACharger_IsReferredToIt()
    {
        using var scope = app.App.Services.CreateScope();
        var location = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChargeLocations.AsNoTracking().OrderBy(l => l.SourceId).FirstAsync();

        var result = await CheckAsync(location.Latitude, location.Longitude);

        Assert.Equal("ChargePointNearby", result.GetProperty("outcome").GetString());
        var nearest = result.GetProperty("nearest")[0];
        Assert.Equal(location.Id.ToString(), nearest.GetProperty("id").GetString());
        Assert.Equal(0, nearest.GetProperty("distanceMetres").GetDouble());
        Assert.Contains("binnen de 250 m", result.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/eligibility?lat=51.98", "lat and lon are required")]
    [InlineData("/api/eligibility?lat=5.91&lon=51.98", "swapped")]
    [InlineData("/api/eligibility?lat=51,98&lon=5,91", "lat and lon are required")]
    public async Task BadPoint_Gets400WithAMessage(string url, string expected)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
