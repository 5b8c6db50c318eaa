using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Operators;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// A PATCH of only an EVSE's status and last_updated takes a short way (<see cref="EvseStatusPatchWriter"/>, batched);
/// it must store exactly what the full way stores. Three parties hold the same Location: the first PATCHes
/// over HTTP as a CPO does (the short way where it applies), the second sends the same PATCHes with the
/// EVSE's uid added (a third field, so always the full way), the third hands them to the short way directly
/// (which must take every one of them). After each step every stored row that matters is the same for all three.
/// </summary>
public sealed class PatchingEvseStatusTheShortWayTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string LocationId = "SW-1";

    /// <summary>The fixture: ARN-0001-1 CHARGING since 2026-03-01 09:15Z (also the Location's time), ARN-0001-2 OUTOFORDER since 2026-02-27 16:40Z.</summary>
    private static readonly (string Evse, string Status, string LastUpdated, ReceiveOutcome Outcome, string Why)[] Steps =
    [
        ("ARN-0001-2", "AVAILABLE", "2026-03-02T07:30:00Z", ReceiveOutcome.Updated, "newer than the Location: its last_updated follows"),
        ("ARN-0001-2", "AVAILABLE", "2026-03-02T07:30:00Z", ReceiveOutcome.Unchanged, "the same PATCH again"),
        ("ARN-0001-2", "CHARGING", "2026-03-02T07:00:00Z", ReceiveOutcome.IgnoredAsOlder, "older than the EVSE's 07:30"),
        ("ARN-0001-2", "CHARGING", "2026-03-02T07:30:00.000Z", ReceiveOutcome.Updated, "the same moment written otherwise, another status: an event"),
        ("ARN-0001-2", "CHARGING", "2026-03-02T07:30:00Z", ReceiveOutcome.Updated, "the same moment and status, only the text differs: no event"),
        ("ARN-0001-1", "BLOCKED", "2026-03-02T07:10:00Z", ReceiveOutcome.Updated, "older than the Location's 07:30: the Location keeps its time"),
        ("ARN-0001-1", "PLANNED", "2026-03-02T09:00:00+01:00", ReceiveOutcome.Updated, "an offset (08:00Z), '+' escaped as the tree escapes it; the operator is linked now"),
        ("ARN-0001-2", "PLANNED", "2026-03-02T08:05:00Z", ReceiveOutcome.Updated, "every EVSE planned: the location is planned"),
        ("ARN-0001-2", "REMOVED", "2026-03-02T08:10:00Z", ReceiveOutcome.Updated, "a removed EVSE does not count: still planned"),
        ("arn-0001-1", "AVAILABLE", "2026-03-02T08:20:00Z", ReceiveOutcome.Updated, "the uid in another case finds the same EVSE"),
    ];

    [Fact]
    public async Task StatusOnlyPatches_StoreExactlyWhatTheFullWayStores()
    {
        string[] parties = ["SWA", "SWB", "SWC"];
        var partners = new List<OcpiPartner>();
        foreach (var party in parties)
        {
            var partner = await OcpiPartner.RegisterAsync(app, "NL", party);
            partners.Add(partner);
            var location = OcpiPartner.Location(LocationId, "Kortewegplein 1");
            location["party_id"] = party;
            var put = await partner.PutAsync($"/ocpi/2.2.1/locations/NL/{party}/{LocationId}", location);
            Assert.True(put.StatusCode == 1000, put.StatusMessage);
        }
        await AssertStoredTheSameAsync(parties, "after the PUT");

        for (var i = 0; i < Steps.Length; i++)
        {
            var (evse, status, lastUpdated, outcome, why) = Steps[i];
            var step = $"step {i + 1} ({why})";
            if (i == 6)
                await RegisterOperatorsAsync(parties);
            var before = await ImportedAtAsync(parties);
            var body = new JsonObject { ["status"] = status, ["last_updated"] = lastUpdated };

            var shortWay = await partners[0].PatchAsync($"/ocpi/2.2.1/locations/NL/{parties[0]}/{LocationId}/{evse}", body);
            var withUid = body.DeepClone().AsObject();
            // The uid as stored (a PATCH's uid replaces the stored spelling), so only the way differs.
            withUid["uid"] = evse.ToUpperInvariant();
            var fullWay = await partners[1].PatchAsync($"/ocpi/2.2.1/locations/NL/{parties[1]}/{LocationId}/{evse}", withUid);
            var direct = await StoreDirectlyAsync(new LocationTarget("NL", parties[2], LocationId, evse), body);

            Assert.True(fullWay.StatusCode == 1000, $"{step}: {fullWay.StatusMessage}");
            Assert.Equal((fullWay.Response.StatusCode, fullWay.StatusCode, fullWay.StatusMessage), (shortWay.Response.StatusCode, shortWay.StatusCode, shortWay.StatusMessage));
            Assert.True(direct is not null, $"{step}: the short way did not take it");
            Assert.Equal(outcome, direct.Outcome);
            var after = await ImportedAtAsync(parties);
            Assert.True(before.Zip(after, (b, a) => a != b).Distinct().Count() == 1, $"{step}: the charge location was imported again by some ways only");
            await AssertStoredTheSameAsync(parties, step);
        }

        foreach (var partner in partners)
            partner.Dispose();
    }

    [Fact]
    public async Task APatchOfMoreThanTheStatus_IsLeftToTheFullWay()
    {
        using var partner = await OcpiPartner.RegisterAsync(app, "NL", "SWD");
        var location = OcpiPartner.Location(LocationId, "Kortewegplein 2");
        location["party_id"] = "SWD";
        await partner.PutAsync($"/ocpi/2.2.1/locations/NL/SWD/{LocationId}", location);
        var target = new LocationTarget("NL", "SWD", LocationId, "ARN-0001-2");

        var withReference = await StoreDirectlyAsync(target, new JsonObject { ["status"] = "AVAILABLE", ["physical_reference"] = "C", ["last_updated"] = "2026-03-02T07:30:00Z" });
        var unknownStatus = await StoreDirectlyAsync(target, new JsonObject { ["status"] = "Available", ["last_updated"] = "2026-03-02T07:30:00Z" });
        var unknownEvse = await StoreDirectlyAsync(target with { EvseUid = "ARN-0001-9" }, new JsonObject { ["status"] = "AVAILABLE", ["last_updated"] = "2026-03-02T07:30:00Z" });
        var connector = await StoreDirectlyAsync(target with { ConnectorId = "1" }, new JsonObject { ["status"] = "AVAILABLE", ["last_updated"] = "2026-03-02T07:30:00Z" });

        Assert.Null(withReference);
        Assert.Null(unknownStatus);
        Assert.Null(unknownEvse);
        Assert.Null(connector);
        Assert.Equal(2, await OcpiPartner.StatusEventCountAsync(app, "NL*SWD*SW-1"));
    }

    private async Task<ReceiveResult?> StoreDirectlyAsync(LocationTarget target, JsonObject body)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvseStatusPatchWriter>().TryStoreAsync(target, body, CancellationToken.None);
    }

    private async Task RegisterOperatorsAsync(IEnumerable<string> parties)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var party in parties)
            db.Operators.Add(OperatorOrganisation.Register($"Laadnet {party}", OcpiPartyId.Parse($"NL*{party}"), DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<List<DateTime>> ImportedAtAsync(IEnumerable<string> parties)
    {
        var times = new List<DateTime>();
        foreach (var party in parties)
            times.Add(await QueryAsync(db => db.ChargeLocations.Where(l => l.SourceId == $"NL*{party}*{LocationId}").Select(l => l.ImportedAtUtc).SingleAsync()));
        return times;
    }

    private async Task AssertStoredTheSameAsync(string[] parties, string step)
    {
        var states = new List<string>();
        foreach (var party in parties)
            states.Add(await StoredAsync(party));
        Assert.True(states[0] == states[1], $"{step}: HTTP short way and full way differ:\n{states[0]}\n{states[1]}");
        Assert.True(states[2] == states[1], $"{step}: direct short way and full way differ:\n{states[2]}\n{states[1]}");
    }

    /// <summary>Every stored row of the party's location that a PATCH can touch, the party's own id written as P.</summary>
    private async Task<string> StoredAsync(string party)
    {
        var sourceId = $"NL*{party}*{LocationId}";
        var location = await QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).ThenInclude(e => e.Connectors).SingleAsync(l => l.SourceId == sourceId));
        var snapshot = await QueryAsync(db => db.OcpiLocationSnapshots.AsNoTracking().SingleAsync(s => s.LocationSourceId == sourceId));
        var events = await QueryAsync(db => db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId == sourceId).OrderBy(e => e.Id)
            .Join(db.OcpiEvseVersions, e => e.EvseVersionHash, v => v.Hash, (e, v) => new { e.EvseUid, e.Status, e.OccurredAtUtc, e.Source, e.EvseVersionHash, v.RawJson })
            .ToListAsync());
        var findings = await QueryAsync(db => db.DataQualityFindings.CountAsync(f => f.LocationSourceId == sourceId));
        var evses = string.Join(" | ", location.Evses.OrderBy(e => e.Uid, StringComparer.Ordinal).Select(e =>
            $"{e.Uid} {e.EvseId} {e.Status} {e.PowerType} {e.MaxPowerWatts} {e.ConnectorCount} {e.ConnectorStandards} {e.LastUpdatedUtc:O} "
            + string.Join(",", e.Connectors.OrderBy(c => c.ConnectorId, StringComparer.Ordinal).Select(c => $"{c.ConnectorId}/{c.Standard}/{c.MaxPowerWatts}"))));
        var state = $"{location.MunicipalityId} {(location.OperatorName == party ? "P" : location.OperatorName)} {location.OperatorPartyId} {location.OcpiKey} linked:{location.OperatorId is not null} "
            + $"{location.Name} {location.Address} {location.City} {location.Latitude} {location.Longitude} {location.RdX} {location.RdY} "
            + $"{location.Status} {location.IsPlanned} {location.MaxPowerWatts} {location.IsPublic} {location.LastUpdatedUtc:O} [{evses}]\n"
            + $"snapshot {snapshot.LastUpdatedUtc:O} {snapshot.OpenFindings} {snapshot.LastListedAtUtc:O} {snapshot.RawJson}\n"
            + $"findings {findings}\n"
            + string.Join("\n", events.Select(e => $"event {e.EvseUid} {e.Status} {e.OccurredAtUtc:O} {e.Source} {e.EvseVersionHash} {e.RawJson}"));
        return state.Replace($"\"party_id\":\"{party}\"", "\"party_id\":\"P\"", StringComparison.Ordinal).Replace(sourceId, "NL*P*" + LocationId, StringComparison.Ordinal)
            .Replace($"NL*{party}", "NL*P", StringComparison.Ordinal);
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
