using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Tests.Ocpi;

/// <summary>
/// A page's new rows are written in bulk, past EF Core's change tracker: what they come to must read back
/// through EF like rows it saved itself (keys, foreign keys, converted values), and a later update of those
/// rows goes through EF as before.
/// </summary>
public sealed class StoringPulledPagesInBulkTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    [Fact]
    public async Task RowsWrittenInBulk_ReadBackThroughEf_AndTakeLaterUpdates()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "BLK");
        var connectionId = await app.ConnectAsync(cpo);
        var first = DateTime.UtcNow.AddHours(-3);
        foreach (var id in new[] { "BULK-1", "BULK-2", "BULK-3" })
            cpo.Add("locations", OcpiPullAppFactory.Location(cpo, id, first, evses: 2));

        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.True(report.Outcome == PullOutcome.Succeeded && report.Message is null, report.Message);
        var arnhem = await app.QueryAsync(db => db.Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync());
        // A Guid written in bulk compares equal to EF's own parameters: found by municipality and by key.
        var stored = await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).ThenInclude(e => e.Connectors)
            .Where(l => l.MunicipalityId == arnhem && l.SourceId.StartsWith("NL*BLK*")).OrderBy(l => l.SourceId).ToListAsync());
        Assert.Equal(["NL*BLK*BULK-1", "NL*BLK*BULK-2", "NL*BLK*BULK-3"], stored.Select(l => l.SourceId));
        var found = await app.QueryAsync(db => db.ChargeLocations.FindAsync(stored[1].Id).AsTask());
        Assert.Equal("NL*BLK*BULK-2", found?.SourceId);
        foreach (var location in stored)
        {
            Assert.Equal("Arnhem", location.City);
            Assert.Equal(first, location.LastUpdatedUtc!.Value, TimeSpan.FromMilliseconds(1));
            Assert.Equal([$"{location.OcpiLocationId}-E1", $"{location.OcpiLocationId}-E2"], location.Evses.Select(e => e.Uid).Order(StringComparer.Ordinal));
            // Every EVSE holds its own connectors: the foreign key is the id the EVSE got on insert.
            Assert.All(location.Evses, e => Assert.True(e.Connectors.Count > 0 && e.Connectors.All(c => c.EvseKey == e.Id), $"{e.Uid} has {e.Connectors.Count} connectors"));
        }
        var connectors = await app.QueryAsync(db => db.Set<Portal.Domain.ChargePoints.Connector>().CountAsync());
        Assert.Equal(stored.Sum(l => l.Evses.Sum(e => e.Connectors.Count)), connectors - await ConnectorsOutsideAsync());
        Assert.Equal(6, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId.StartsWith("NL*BLK*"))));
        Assert.Equal(3, await app.QueryAsync(db => db.OcpiLocationSnapshots.CountAsync(s => s.ConnectionId == connectionId)));

        // The second EVSE of BULK-2 starts charging: EF updates the row the bulk insert wrote.
        var later = DateTime.UtcNow.AddHours(-1);
        var changed = OcpiPullAppFactory.Location(cpo, "BULK-2", first, evses: 2);
        changed["evses"]![1]!["status"] = "CHARGING";
        changed["evses"]![1]!["last_updated"] = OcpiJson.FormatDateTime(later);
        changed["last_updated"] = OcpiJson.FormatDateTime(later);
        cpo.Replace("locations", l => l["id"]!.GetValue<string>() == "BULK-2", changed);

        var again = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.True(again.Outcome == PullOutcome.Succeeded && again.Message is null, again.Message);
        var updated = await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleAsync(l => l.Id == stored[1].Id));
        Assert.Equal(Portal.Domain.ChargePoints.EvseStatus.Charging, updated.Evses.Single(e => e.Uid == "BULK-2-E2").Status);
        Assert.Equal(later, updated.LastUpdatedUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId.StartsWith("NL*BLK*"))));
    }

    [Fact]
    public async Task APageWithObjectsThatCannotBeStored_StoresTheRest_AndNamesTheRefused()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "BLR");
        var connectionId = await app.ConnectAsync(cpo);
        var when = DateTime.UtcNow.AddHours(-2);
        var unreadable = OcpiPullAppFactory.Location(cpo, "BLR-UNREADABLE", when);
        unreadable["coordinates"] = "somewhere";
        var invalid = OcpiPullAppFactory.Location(cpo, "BLR-INVALID", when);
        invalid["evses"]![0]!["status"] = "SLEEPING";
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "BLR-1", when));
        cpo.Add("locations", unreadable);
        cpo.Add("locations", invalid);
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "BLR-2", when));

        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        Assert.Contains("location BLR-UNREADABLE: coordinates", report.Message, StringComparison.Ordinal);
        Assert.Contains("location BLR-INVALID: evses[0].status: 'SLEEPING'", report.Message, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Where(l => l.SourceId.StartsWith("NL*BLR*")).Select(l => l.SourceId).OrderBy(id => id).ToListAsync());
        Assert.Equal(["NL*BLR*BLR-1", "NL*BLR*BLR-2"], stored);
        Assert.Equal(4, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId.StartsWith("NL*BLR*"))));
    }

    private Task<int> ConnectorsOutsideAsync() => app.QueryAsync(db => db.ChargeLocations
        .Where(l => !l.SourceId.StartsWith("NL*BLK*")).SelectMany(l => l.Evses).SelectMany(e => e.Connectors).CountAsync());
}
