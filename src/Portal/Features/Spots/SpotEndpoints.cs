using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Portal.Domain.Accounts;
using Portal.Integration.GeoJson;

namespace Portal.Features.Spots;

internal static class SpotEndpoints
{
    public static void MapSpotEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/plekken/export.geojson", async (ClaimsPrincipal user, SpotService spots, TimeProvider clock) =>
        {
            var all = await spots.AllAsync(user);
            // A municipality's spot map is small (kilobytes per hundred spots): build it in memory, send it in one go.
            using var buffer = new MemoryStream();
            await using (var json = new Utf8JsonWriter(buffer))
            {
                GeoJsonWriter.WriteFeatureCollection(json, all.Select(s => (
                    (string?)(s.ExternalId ?? s.Id.ToString()),
                    (NetTopologySuite.Geometries.Geometry)new NetTopologySuite.Geometries.Point(s.Longitude, s.Latitude),
                    SpotGeoJson.Properties(s))), decimals: 7);
            }
            var name = $"plekkenkaart-{clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.geojson";
            return Results.File(buffer.ToArray(), "application/geo+json", name);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer));
}
