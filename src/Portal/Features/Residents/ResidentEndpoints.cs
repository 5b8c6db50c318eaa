using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Portal.Domain.Accounts;

namespace Portal.Features.Residents;

internal static class ResidentEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapResidentEndpoints(this WebApplication app)
    {
        app.MapGet("/mijn-gegevens/download", async (ClaimsPrincipal user, MyDataService service, TimeProvider clock) =>
        {
            var data = await service.ForAsync(user);
            if (data is null)
                return Results.NotFound();
            var name = $"mijn-gegevens-{clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", name);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Resident));
    }
}
