using System.Security.Claims;
using System.Text.Json;
using Portal.Domain.Accounts;
using Portal.Integration.GeoJson;

namespace Portal.Features.Policies;

internal static class PolicyEndpoints
{
    /// <summary>A municipality's permit zones as GeoJSON, for the map on the policy page (and as a download).</summary>
    public static void MapPolicyEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/beleid/zones.geojson", async (Guid gemeente, ClaimsPrincipal user, MunicipalityPolicies policies) =>
        {
            if (!(await policies.EditableAsync(user)).Any(m => m.Id == gemeente))
                return Results.NotFound();
            var zones = await policies.PermitZonesAsync(gemeente);
            using var buffer = new MemoryStream();
            await using (var json = new Utf8JsonWriter(buffer))
            {
                GeoJsonWriter.WriteFeatureCollection(json, zones.Select(z => (
                    (string?)null,
                    z.Area,
                    (IEnumerable<KeyValuePair<string, object?>>)[new(MunicipalityPolicies.ZoneNameProperty, z.Name)])));
            }
            return Results.File(buffer.ToArray(), "application/geo+json", "vergunningzones.geojson");
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));
}
