using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.ChargePoints;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// Status-only PATCHes are stored in batches by one writer (<see cref="EvseStatusPatchWriter"/>): many at
/// once to several EVSEs are each stored and each an event, PATCHes of one EVSE keep their order inside a
/// batch, and a PATCH the database refuses fails alone.
/// </summary>
public sealed class StoringStatusPatchesInBatchesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] Cycle = ["AVAILABLE", "CHARGING", "BLOCKED", "OUTOFORDER"];

    [Fact]
    public async Task ManyConcurrentPatchesToSeveralEvses_AreEachStoredAndAnEvent()
    {
        const string party = "BTA";
        const int perEvse = 6;
        using var partner = await OcpiPartner.RegisterAsync(app, "NL", party);
        var evses = await PutLocationsAsync(partner, party, "BA", 3);

        // Each EVSE's PATCHes one after another, every EVSE at the same time: 6 chains of 6, each a change.
        var answers = await Task.WhenAll(evses.Select(async evse =>
        {
            var codes = new List<int>();
            for (var k = 0; k < perEvse; k++)
            {
                var answer = await partner.PatchAsync($"/ocpi/2.2.1/locations/NL/{party}/{evse.Location}/{evse.Uid}", Body(Cycle[k % Cycle.Length], k));
                codes.Add(answer.StatusCode);
            }
            return codes;
        }));

        Assert.All(answers.SelectMany(a => a), code => Assert.Equal(1000, code));
        foreach (var evse in evses)
        {
            // The fixture's one event per EVSE from the PUT, then one per PATCH.
            var events = await EventsAsync(evse.Location, party, evse.Uid);
            Assert.Equal(perEvse + 1, events.Count);
            Assert.Equal(Enumerable.Range(0, perEvse).Select(k => Cycle[k % Cycle.Length]), events.Skip(1).Select(e => e.Status));
            Assert.Equal(OcpiLocationMapping.Status(Cycle[(perEvse - 1) % Cycle.Length]), await RowStatusAsync(evse.Location, party, evse.Uid));
        }
    }

    [Fact]
    public async Task PatchesOfOneEvseHandedOverTogether_AreStoredInTheirOrder()
    {
        const string party = "BTB";
        const int perEvse = 8;
        using var partner = await OcpiPartner.RegisterAsync(app, "NL", party);
        var evses = await PutLocationsAsync(partner, party, "BB", 2);
        var writer = app.App.Services.GetRequiredService<EvseStatusPatchWriter>();

        // Handed over without waiting, EVSE after EVSE interleaved, so most land in the same batch: each PATCH
        // is newer than the one before it for its EVSE, so out of order one would be ignored as older.
        var stored = new List<Task<ReceiveResult?>>();
        for (var k = 0; k < perEvse; k++)
        {
            foreach (var evse in evses)
                stored.Add(writer.TryStoreAsync(new LocationTarget("NL", party, evse.Location, evse.Uid), Body(Cycle[k % Cycle.Length], k)));
        }
        var results = await Task.WhenAll(stored);

        Assert.All(results, r => Assert.Equal(ReceiveOutcome.Updated, r?.Outcome));
        foreach (var evse in evses)
        {
            var events = await EventsAsync(evse.Location, party, evse.Uid);
            Assert.Equal(Enumerable.Range(0, perEvse).Select(k => (Cycle[k % Cycle.Length], At(k))), events.Skip(1).Select(e => (e.Status, e.OccurredAtUtc)));
            Assert.Equal(OcpiLocationMapping.Status(Cycle[(perEvse - 1) % Cycle.Length]), await RowStatusAsync(evse.Location, party, evse.Uid));
            var snapshot = await QueryAsync(db => db.OcpiLocationSnapshots.Where(s => s.LocationSourceId == $"NL*{party}*{evse.Location}").Select(s => s.RawJson).SingleAsync());
            var patched = JsonNode.Parse(snapshot)!["evses"]!.AsArray().Single(e => (string?)e!["uid"] == evse.Uid)!;
            Assert.Equal(Cycle[(perEvse - 1) % Cycle.Length], (string?)patched["status"]);
        }
    }

    [Fact]
    public async Task APatchTheDatabaseRefuses_FailsAlone_AndTheOthersAreStored()
    {
        const string party = "BTC";
        using var partner = await OcpiPartner.RegisterAsync(app, "NL", party);
        var evses = await PutLocationsAsync(partner, party, "BC", 3);
        var refused = evses.First(e => e.Location == "BC-2");
        await RefuseSnapshotUpdatesAsync($"NL*{party}*{refused.Location}");
        var writer = app.App.Services.GetRequiredService<EvseStatusPatchWriter>();
        try
        {
            var stored = evses.Select(evse => (evse, writer.TryStoreAsync(new LocationTarget("NL", party, evse.Location, evse.Uid), Body("AVAILABLE", 0)))).ToList();

            foreach (var (evse, task) in stored)
            {
                // Both EVSEs of the refused location: their snapshot is what the database refuses to change.
                if (evse.Location == refused.Location)
                {
                    await Assert.ThrowsAsync<DbUpdateException>(() => task);
                    Assert.Single(await EventsAsync(evse.Location, party, evse.Uid));
                    continue;
                }
                Assert.Equal(ReceiveOutcome.Updated, (await task)?.Outcome);
                var events = await EventsAsync(evse.Location, party, evse.Uid);
                Assert.Equal(("AVAILABLE", At(0)), (events[^1].Status, events[^1].OccurredAtUtc));
                Assert.Equal(EvseStatus.Available, await RowStatusAsync(evse.Location, party, evse.Uid));
            }

            var overHttp = await partner.PatchAsync($"/ocpi/2.2.1/locations/NL/{party}/{refused.Location}/{refused.Uid}", Body("CHARGING", 1));
            Assert.Equal((HttpStatusCode.InternalServerError, 3000), (overHttp.Response.StatusCode, overHttp.StatusCode));
        }
        finally
        {
            await AllowSnapshotUpdatesAsync();
        }

        // Over HTTP the refused one was an OCPI server error; allowed again, the same PATCH is stored.
        var again = await partner.PatchAsync($"/ocpi/2.2.1/locations/NL/{party}/{refused.Location}/{refused.Uid}", Body("AVAILABLE", 0));
        Assert.Equal(1000, again.StatusCode);
        Assert.Equal(2, (await EventsAsync(refused.Location, party, refused.Uid)).Count);
    }

    /// <summary>2026-03-02 10:00:00Z plus k seconds: after every time in the fixture.</summary>
    private static DateTime At(int k) => new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc).AddSeconds(k);

    private static JsonObject Body(string status, int k) => new()
    {
        ["status"] = status,
        ["last_updated"] = At(k).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>PUTs <paramref name="count"/> locations of the fixture (two EVSEs each); their EVSEs.</summary>
    private static async Task<List<(string Location, string Uid)>> PutLocationsAsync(OcpiPartner partner, string party, string prefix, int count)
    {
        var evses = new List<(string, string)>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"{prefix}-{i}";
            var location = OcpiPartner.Location(id, $"Batchstraat {i}");
            location["party_id"] = party;
            var put = await partner.PutAsync($"/ocpi/2.2.1/locations/NL/{party}/{id}", location);
            Assert.True(put.StatusCode == 1000, put.StatusMessage);
            evses.AddRange(location["evses"]!.AsArray().Select(e => (id, (string)e!["uid"]!)));
        }
        return evses;
    }

    private Task<List<(string Status, DateTime OccurredAtUtc)>> EventsAsync(string location, string party, string uid) =>
        QueryAsync(async db => (await db.EvseStatusEvents.AsNoTracking()
                .Where(e => e.LocationSourceId == $"NL*{party}*{location}" && e.EvseUid == uid)
                .OrderBy(e => e.Id).Select(e => new { e.Status, e.OccurredAtUtc }).ToListAsync())
            .Select(e => (e.Status, e.OccurredAtUtc)).ToList());

    private Task<EvseStatus> RowStatusAsync(string location, string party, string uid) =>
        QueryAsync(db => db.ChargeLocations.AsNoTracking().Where(l => l.SourceId == $"NL*{party}*{location}")
            .SelectMany(l => l.Evses).Where(e => e.Uid == uid).Select(e => e.Status).SingleAsync());

    /// <summary>A trigger that makes the database refuse every update of one location's snapshot.</summary>
    private Task RefuseSnapshotUpdatesAsync(string sourceId) => QueryAsync(async db =>
    {
        var table = db.Model.FindEntityType(typeof(OcpiLocationSnapshot))!.GetTableName();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_snapshot_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql");
            var trigger = $"CREATE TRIGGER refuse_snapshot_update BEFORE UPDATE ON \"{table}\" FOR EACH ROW WHEN (OLD.\"LocationSourceId\" = '{sourceId}') EXECUTE FUNCTION refuse_snapshot_update()";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }
        else
        {
            var trigger = $"CREATE TRIGGER refuse_snapshot_update BEFORE UPDATE ON \"{table}\" WHEN OLD.\"LocationSourceId\" = '{sourceId}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }
        return true;
    });

    private Task AllowSnapshotUpdatesAsync() => QueryAsync(async db =>
    {
        var table = db.Model.FindEntityType(typeof(OcpiLocationSnapshot))!.GetTableName();
        if (db.Database.IsNpgsql())
        {
            var drop = $"DROP TRIGGER refuse_snapshot_update ON \"{table}\"";
            await db.Database.ExecuteSqlRawAsync(drop);
            await db.Database.ExecuteSqlRawAsync("DROP FUNCTION refuse_snapshot_update()");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_snapshot_update");
        }
        return true;
    });

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
