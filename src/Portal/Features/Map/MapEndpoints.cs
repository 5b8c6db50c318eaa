using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Features.Accounts;
using Portal.Resources;

namespace Portal.Features.Map;

internal static class MapEndpoints
{
    public const int MaxZoom = 22;

    public static void MapMapEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/map/features", FeaturesAsync);
        api.MapGet("/eligibility", EligibilityAsync);
    }

    /// <summary>GeoJSON for a viewport: every requested layer, clustered on the server at low zoom.</summary>
    private static async Task<IResult> FeaturesAsync(string? bbox, string? zoom, string? layers, ClaimsPrincipal user, MapIndexCache cache, TenantAccess tenants, HttpContext context)
    {
        BoundingBox box;
        try
        {
            box = BoundingBox.Parse(bbox);
        }
        catch (DomainRuleViolated e)
        {
            return BadRequest(e.Message);
        }
        if (!int.TryParse(zoom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level is < 0 or > MaxZoom)
            return BadRequest($"zoom must be a whole number from 0 to {MaxZoom}.");

        var requested = new List<MapLayer>();
        foreach (var name in (string.IsNullOrWhiteSpace(layers) ? MapLayer.ChargePoints.Name : layers).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (MapLayer.Find(name) is not { } layer)
                return BadRequest($"Unknown layer '{name.Trim()}'. Known layers: {string.Join(", ", MapLayer.All.Select(l => l.Name))}.");
            if (!layer.IsPublic && !user.IsInRole(PortalRoles.Officer))
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"The layer '{layer.Name}' is for municipal officers.");
            requested.Add(layer);
        }

        var collections = new List<(MapLayer Layer, IReadOnlyList<Domain.Geography.MapCluster<MapItem>> Features)>();
        foreach (var layer in requested.Distinct())
        {
            if (layer == MapLayer.ChargePoints)
            {
                collections.Add((layer, (await cache.ChargePointsAsync()).Clusters.Query(box, level)));
            }
            else if (layer == MapLayer.PlannedLocations)
            {
                collections.Add((layer, (await cache.PlannedLocationsAsync()).Clusters.Query(box, level)));
            }
            else
            {
                foreach (var municipalityId in await tenants.MunicipalitiesOfAsync(user))
                {
                    var index = layer == MapLayer.Applications ? await cache.ApplicationsAsync(municipalityId) : await cache.SpotsAsync(municipalityId);
                    collections.Add((layer, index.Clusters.Query(box, level)));
                }
            }
        }

        context.Response.Headers.CacheControl = requested.All(l => l.IsPublic) ? "public, max-age=30" : "private, no-store";
        return Results.Stream(stream => WriteAsync(stream, collections), "application/geo+json");
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<(MapLayer Layer, IReadOnlyList<Domain.Geography.MapCluster<MapItem>> Features)> collections)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var (layer, features) in collections)
        {
            // Public layers are rounded to about a metre: enough to find the point, no more.
            var decimals = layer.IsPublic ? 5 : 6;
            foreach (var feature in features)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(Math.Round(feature.Longitude, decimals));
                json.WriteNumberValue(Math.Round(feature.Latitude, decimals));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("layer", layer.Name);
                if (feature.IsCluster)
                {
                    json.WriteBoolean("cluster", true);
                    json.WriteNumber("count", feature.Count);
                    json.WriteNumber("clusterId", feature.Id);
                }
                else if (feature.Item is { } item)
                {
                    json.WriteBoolean("cluster", false);
                    json.WriteNumber("count", 1);
                    json.WriteString("id", item.Id);
                    json.WriteString("label", item.Label);
                    if (layer == MapLayer.PlannedLocations)
                    {
                        // Public: the street and nearest number, the order's page, and until when objection is possible.
                        json.WriteString("status", item.Status);
                        json.WriteString("reference", item.OrderReference);
                        json.WriteString("link", item.OrderPath);
                        if (item.ObjectionUntil is { } until)
                            json.WriteString("until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }
                    else if (layer == MapLayer.Applications)
                    {
                        // Officers only: the reference (as label), what kind of application, and where to work on it.
                        json.WriteString("kind", item.Status);
                        json.WriteString("link", $"/beheer/aanvragen/{item.Id}");
                    }
                    else
                    {
                        json.WriteString("status", item.Status);
                        if (item.EvseCount is { } evses)
                            json.WriteNumber(layer == MapLayer.ChargePoints ? "evses" : "bays", evses);
                    }
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    /// <summary>The nearest public charge points to a point and what the municipality's policy says about applying there.</summary>
    private static async Task<IResult> EligibilityAsync(string? lat, string? lon, EligibilityService eligibility, IStringLocalizer<Texts> T)
    {
        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            return BadRequest("lat and lon are required: WGS84 degrees with a dot as decimal separator, e.g. lat=51.985&lon=5.91.");
        Coordinate point;
        try
        {
            point = Coordinate.FromWgs84(latitude, longitude);
        }
        catch (DomainRuleViolated e)
        {
            return BadRequest(e.Message);
        }

        var (assessment, policy) = await eligibility.AssessAsync(point);

        return Results.Json(new
        {
            point = new { lat = Math.Round(latitude, 6), lon = Math.Round(longitude, 6) },
            policyDistanceMetres = policy.PolicyDistanceMetres,
            outcome = assessment.Outcome.ToString(),
            summary = EligibilityTexts.Outcome(T, assessment.Outcome),
            reasons = assessment.Reasons.Select(r => new
            {
                code = r.Code.ToString(),
                message = EligibilityTexts.Reason(T, r),
            }),
            nearest = assessment.Nearest.Select(n => new
            {
                id = n.Id,
                label = n.Label,
                distanceMetres = Math.Round(n.DistanceMetres),
                availability = n.Status.ToString(),
                evses = n.EvseCount,
                occupancyPercent = n.OccupancyPercent,
            }),
        });
    }

    private static IResult BadRequest(string message) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: message);
}
