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
        var details = new ChargeLocationDetails(
            "TEST", sourceId, null, operatorName, null, $"Laadlocatie {address}", address, "6811AA", "Arnhem",
            new GeoPoint(51.985, 5.905), maxPowerWatts, status, lastUpdatedUtc ?? DateTime.UtcNow,
            [.. evses.Select((s, i) => new EvseDetails($"{sourceId}-{i + 1}", $"NL*TST*E{sourceId}*{i + 1}", s, 2, ["IEC_62196_T2"], PowerType.Ac3Phase, 11_000, DateTime.UtcNow))])
        {
            IsPublic = isPublic,
        };
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = ChargeLocation.Register(municipalityId, details, DateTime.UtcNow);
        db.ChargeLocations.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    }

    /// <summary>One observed status of an EVSE, as the OCPI receiver records it.</summary>
    public static async Task StatusEventAsync(this PortalAppFactory app, string locationSourceId, string evseUid, string status, DateTime occurredAtUtc, EvseStatusSource source = EvseStatusSource.Push)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.EvseStatusEvents.Add(EvseStatusEvent.Observe(locationSourceId, evseUid, status, occurredAtUtc, occurredAtUtc.AddSeconds(5), source, "{}"));
        await db.SaveChangesAsync();
    }
}
