using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.Usage;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: three months of invented CDRs for a few of the demo operator's points, so the usage report has something
/// to show before the simulated CPO has run for a month. Stored as pulled CDRs of a revoked connection that holds only
/// this history (nothing pulls or pushes on it). Drawn with a fixed seed; only once.
/// </summary>
internal sealed class DemoUsage(PortalDbContext db, TimeProvider clock)
{
    public const string ConnectionName = "Demo: laadhistorie";
    private static readonly Wire.CdrToken Token = new("NL", "DEM", "DEMO0001", "RFID", "NL-DEM-C00000001-X");

    public async Task SeedAsync(Guid operatorId, CancellationToken ct = default)
    {
        if (await db.OcpiConnections.AnyAsync(c => c.Name == ConnectionName, ct))
            return;
        var locations = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses)
            .Where(l => l.OperatorId == operatorId && l.OcpiKey != null && l.OcpiLocationId != null)
            .OrderBy(l => l.Name).Take(8).ToListAsync(ct);
        if (locations.Count == 0)
            return;
        var party = locations[0].OcpiKey!.Split('*');
        var now = clock.GetUtcNow().UtcDateTime;
        var connection = OcpiConnection.RegisterCpo(party[0], party[1], ConnectionName, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(), now);
        connection.Revoke(now);
        db.OcpiConnections.Add(connection);
        await db.SaveChangesAsync(ct);

        var random = new Random(17);
        var last = UsageMonth.LastFull(now);
        var number = 0;
        foreach (var (location, index) in locations.Select((l, i) => (l, i)))
        {
            // Some points are quiet, some busy: from about 8 to about 40 charges a month.
            var perMonth = 8 + index * 4;
            foreach (var evse in location.Evses)
            {
                for (var month = last.Plus(-2); month <= last; month = month.Next())
                {
                    for (var n = 0; n < perMonth + random.Next(-3, 4); n++)
                    {
                        var start = month.StartUtc.AddMinutes(random.Next((int)(month.Hours * 60) - 720));
                        var chargingHours = 1 + random.NextDouble() * 5;
                        var parkingHours = Math.Round((decimal)(random.NextDouble() * 2), 2);
                        var end = start.AddHours(chargingHours).AddHours((double)parkingHours);
                        var kwh = Math.Round((decimal)(chargingHours * (3.5 + random.NextDouble() * 7.5)), 3);
                        var id = $"DEMO-{++number:000000}";
                        var cdr = new Wire.Cdr(party[0], party[1], id, start, end, null, Token, "WHITELIST", null,
                            new Wire.CdrLocation(location.OcpiLocationId!, location.Name, location.Address, location.City, location.PostalCode, null, "NLD",
                                new Wire.GeoLocation(location.Latitude.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), location.Longitude.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)),
                                evse.Uid, evse.EvseId ?? evse.Uid, "1", "IEC_62196_T2", "SOCKET", "AC_3_PHASE"),
                            null, "EUR", null, null, null, new Wire.Price(Math.Round(kwh * 0.39m, 2), Math.Round(kwh * 0.47m, 2)), null, kwh, null,
                            Math.Round((decimal)(end - start).TotalHours, 4), null, parkingHours, null, null, null, null, false, null, null, end);
                        var record = OcpiCdrRecord.Create(connection.Id, $"{party[0]}*{party[1]}*{id}");
                        record.Apply(cdr, "[]", end, end);
                        db.OcpiCdrs.Add(record);
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
