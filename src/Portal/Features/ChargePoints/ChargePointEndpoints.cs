using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;

namespace Portal.Features.ChargePoints;

internal static class ChargePointEndpoints
{
    /// <summary>
    /// The EVSE status history used to be a page of its own; it is now part of the back office's
    /// charge point page. The old address leads there, for those who may see it; for anyone else the
    /// EVSE does not exist, as before.
    /// </summary>
    public static void MapChargePointEndpoints(this WebApplication app) =>
        app.MapGet("/laadpunten/{id:guid}/evse/{uid}/status", async (Guid id, string uid, ClaimsPrincipal user, BackOfficeChargePoints chargePoints) =>
            await chargePoints.HistoryAsync(user, id, uid, GridQuery.Default with { PageSize = 1 }) is null
                ? Results.NotFound()
                : Results.Redirect(QueryHelpers.AddQueryString($"/beheer/laadpunten/{id}", "evse", uid)))
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));
}
