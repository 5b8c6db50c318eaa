using System.Security.Claims;
using Portal.Domain.Accounts;

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
            return Results.File(MunicipalityPolicies.ZonesGeoJson(zones), "application/geo+json", "vergunningzones.geojson");
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));
}
