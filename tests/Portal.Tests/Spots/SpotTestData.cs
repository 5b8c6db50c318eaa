using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>Spots made through the officer's own service, in the demo municipality, at a chosen status.</summary>
internal static class SpotTestData
{
    public static async Task<Guid> NewSpotAsync(this PortalAppFactory app, ClaimsPrincipal officer, string address, int bays = 2, SpotStatus status = SpotStatus.Candidate, double latitudeOffset = 0)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
        var spots = scope.ServiceProvider.GetRequiredService<SpotService>();
        var id = await spots.CreateAsync(officer, arnhem, Coordinate.FromWgs84(51.99 + latitudeOffset, 5.90), new SpotDetails(address, bays, SpotSetUp.OnPavement, 150, 40, true, null));
        if (status == SpotStatus.Realised)
            Assert.Null(await spots.ChangeStatusAsync(officer, id, SpotStatus.Approved, null));
        if (status != SpotStatus.Candidate)
            Assert.Null(await spots.ChangeStatusAsync(officer, id, status, "proef"));
        return id;
    }

    public static async Task<SpotStatus> StatusOfAsync(this PortalAppFactory app, Guid spot)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync();
    }
}
