using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Tests.Ocpi;

/// <summary>
/// A push and a pull go the same way: one party pushes a Location and a status change, another party's
/// CPO serves the same objects to a pull, and what the portal stores for both is the same (the charge
/// location, its EVSEs, the snapshot and the status events with their EVSE versions).
/// </summary>
public sealed class PushingAndPullingTheSameLocationTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    [Fact]
    public async Task SameObjects_PushedAndPulled_AreStoredTheSame()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PPL");
        var connectionId = await app.ConnectAsync(cpo);
        using var pusher = await OcpiPartner.RegisterAsync(app, "NL", "PPS");
        var first = DateTime.UtcNow.AddHours(-2);
        var pulled = OcpiPullAppFactory.Location(cpo, "SAME-1", first, evses: 2);
        var pushed = pulled.DeepClone().AsObject();
        pushed["party_id"] = "PPS";

        var put = await pusher.PutAsync("/ocpi/2.2.1/locations/NL/PPS/SAME-1", pushed);
        cpo.Add("locations", pulled);
        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.True(put.StatusCode == 1000, put.StatusMessage);
        Assert.True(report.Outcome == PullOutcome.Succeeded && report.Message is null, report.Message);
        await AssertStoredTheSameAsync(events: 2);

        // The first EVSE starts charging: a PATCH of the EVSE, and the CPO's list showing the Location with it.
        var charging = DateTime.UtcNow.AddHours(-1);
        var stamp = OcpiJson.FormatDateTime(charging);
        var patch = await pusher.PatchAsync("/ocpi/2.2.1/locations/NL/PPS/SAME-1/SAME-1-E1", new JsonObject { ["status"] = "CHARGING", ["last_updated"] = stamp });
        var changed = pulled.DeepClone().AsObject();
        changed["evses"]![0]!["status"] = "CHARGING";
        changed["evses"]![0]!["last_updated"] = stamp;
        changed["last_updated"] = stamp;
        cpo.Replace("locations", l => l["id"]!.GetValue<string>() == "SAME-1", changed);
        var again = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.True(patch.StatusCode == 1000, patch.StatusMessage);
        Assert.True(again.Outcome == PullOutcome.Succeeded && again.Message is null, again.Message);
        await AssertStoredTheSameAsync(events: 3);
    }

    private async Task AssertStoredTheSameAsync(int events)
    {
        var (pushedState, pushedEvents) = await StoredAsync("NL*PPS*SAME-1");
        var (pulledState, pulledEvents) = await StoredAsync("NL*PPL*SAME-1");
        Assert.Equal(pushedState, pulledState);
        Assert.Equal(events, pushedEvents.Count);
        Assert.Equal(pushedEvents, pulledEvents);
    }

    /// <summary>What the portal holds for one location, with the party left out (it is what differs).</summary>
    private async Task<(string State, List<string> Events)> StoredAsync(string sourceId)
    {
        var location = await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleAsync(l => l.SourceId == sourceId));
        var snapshot = await app.QueryAsync(db => db.OcpiLocationSnapshots.AsNoTracking().SingleAsync(s => s.LocationSourceId == sourceId));
        var json = JsonNode.Parse(snapshot.RawJson)!.AsObject();
        json.Remove("party_id");
        var evses = string.Join(" | ", location.Evses.OrderBy(e => e.Uid, StringComparer.Ordinal)
            .Select(e => $"{e.Uid} {e.Status} {e.MaxPowerWatts} {e.ConnectorCount} {e.LastUpdatedUtc:O}"));
        var state = $"{location.MunicipalityId} {location.Name} {location.Address} {location.City} {location.Latitude} {location.Longitude} "
            + $"{location.Status} {location.MaxPowerWatts} {location.IsPublic} {location.LastUpdatedUtc:O} [{evses}] {snapshot.LastUpdatedUtc:O} {json.ToJsonString()}";
        var statusEvents = await app.QueryAsync(db => db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId == sourceId)
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.EvseUid).ToListAsync());
        return (state, statusEvents.Select(e => $"{e.EvseUid} {e.Status} {e.OccurredAtUtc:O} {e.EvseVersionHash}").ToList());
    }
}
