using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

/// <summary>Charge locations and status events a back-office test needs, saved straight into the test's database.</summary>
public static class ChargePointTestData
{
    /// <summary>A charge location in the municipality with one EVSE per given status (uids "{sourceId}-1", "-2", …).</summary>
    public static async Task<Guid> LocationAsync(
        this PortalAppFactory app, Guid municipalityId, string sourceId, string address, string operatorName,
        LocationStatus status = LocationStatus.Available, bool isPublic = true, int? maxPowerWatts = 11_000, DateTime? lastUpdatedUtc = null,
        params EvseStatus[] evses)
    {
        var details = Details(sourceId, address, operatorName, status, isPublic, maxPowerWatts, lastUpdatedUtc ?? DateTime.UtcNow, evses);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = ChargeLocation.Register(municipalityId, details, DateTime.UtcNow);
        db.ChargeLocations.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    }

    /// <summary>The location made by <see cref="LocationAsync"/> with new EVSE statuses, saved as an update from its source would be.</summary>
    public static async Task ChangeEvsesAsync(this PortalAppFactory app, Guid locationId, params EvseStatus[] evses)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors).SingleAsync(l => l.Id == locationId);
        location.Apply(Details(location.SourceId, location.Address, location.OperatorName, location.Status, location.IsPublic, location.MaxPowerWatts, DateTime.UtcNow, evses), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private static ChargeLocationDetails Details(
        string sourceId, string address, string operatorName, LocationStatus status, bool isPublic, int? maxPowerWatts, DateTime lastUpdatedUtc, EvseStatus[] evses) =>
        new("TEST", sourceId, null, operatorName, null, $"Laadlocatie {address}", address, "6811AA", "Arnhem",
            new GeoPoint(51.985, 5.905), maxPowerWatts, status, lastUpdatedUtc,
            [.. evses.Select((s, i) => new EvseDetails($"{sourceId}-{i + 1}", $"NL*TST*E{sourceId}*{i + 1}", s, 2, ["IEC_62196_T2"], PowerType.Ac3Phase, 11_000, lastUpdatedUtc))])
        {
            IsPublic = isPublic,
        };

    /// <summary>One observed status of an EVSE, as the OCPI receiver records it.</summary>
    public static async Task StatusEventAsync(this PortalAppFactory app, string locationSourceId, string evseUid, string status, DateTime occurredAtUtc, EvseStatusSource source = EvseStatusSource.Push)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.EvseStatusEvents.Add(EvseStatusEvent.Observe(locationSourceId, evseUid, status, occurredAtUtc, occurredAtUtc.AddSeconds(5), source, "{}"));
        await db.SaveChangesAsync();
    }
}
