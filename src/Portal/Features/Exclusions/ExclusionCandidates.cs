using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;
using Portal.Features.TrafficOrders;
using Portal.Integration.Audits;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Features.Exclusions;

/// <summary>
/// The daily run that feeds E5 (planned maintenance): first it records the status_schedule entries of the stored
/// Locations it has not seen before (<see cref="StatusScheduleSighting"/>); then every declared maintenance window and
/// every INOPERATIVE schedule entry that has ended, whose claim deadline has not passed, and whose EVSE a contract of the
/// operator covers, becomes a candidate claim, once (its source key is unique). Safe to run again.
/// </summary>
internal sealed class ExclusionCandidates(PortalDbContext db, IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await RecordSightingsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = TermsCalendar.Default.With(orderOptions.Value.EquatedDays);
        var known = (await db.ExclusionClaims.AsNoTracking().Where(c => c.SourceKey != null).Select(c => c.SourceKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.CoverageRules).AsSplitQuery().ToListAsync(ct);
        var covering = new Dictionary<Guid, List<(Contract Contract, IReadOnlyList<EvseRef> Covered, IReadOnlyDictionary<EvseRef, string> SourceOf)>>();
        foreach (var contract in contracts)
        {
            var set = await ContractEvses.ResolveAsync(db, contract, ct);
            if (!covering.TryGetValue(contract.OperatorId, out var list))
                covering[contract.OperatorId] = list = [];
            list.Add((contract, set.Covered, set.SourceOf));
        }

        var created = 0;
        void Propose(Guid operatorId, Func<EvseRef, string, bool> isEvse, DateTime starts, DateTime ends, ExclusionClaimSource source, string key,
            Guid? windowId, DateTime? firstSeen, string description)
        {
            if (known.Contains(key) || ends > now || DutchCalendar.Day(now) > ExclusionClaimDeadline.For(ends, calendar) || !covering.TryGetValue(operatorId, out var list))
                return;
            foreach (var (contract, covered, sourceOf) in list)
            {
                var evse = covered.FirstOrDefault(e => sourceOf.TryGetValue(e, out var sourceId) && isEvse(e, sourceId));
                if (evse.EvseUid is null)
                    continue;
                db.ExclusionClaims.Add(ExclusionClaim.Propose(contract.Id, operatorId, evse, starts, ends, source, key, windowId, firstSeen, description, now, calendar));
                known.Add(key);
                created++;
                return;
            }
        }

        var windows = await (from window in db.MaintenanceWindows.AsNoTracking()
                             where window.CancelledAtUtc == null && window.EndsAtUtc <= now
                             join location in db.ChargeLocations.AsNoTracking() on window.ChargeLocationId equals location.Id
                             select new { window, location.SourceId }).ToListAsync(ct);
        foreach (var w in windows)
            Propose(w.window.OperatorId, (e, sourceId) => sourceId == w.SourceId && e.EvseUid == w.window.EvseUid, w.window.StartsAtUtc, w.window.EndsAtUtc,
                ExclusionClaimSource.MaintenanceWindow, $"window:{w.window.Id:N}", w.window.Id, null, w.window.Reason);

        var sightings = await (from sighting in db.StatusScheduleSightings.AsNoTracking()
                               where sighting.Status == "INOPERATIVE" && sighting.EndUtc != null && sighting.EndUtc <= now
                               join location in db.ChargeLocations.AsNoTracking() on sighting.LocationSourceId equals location.SourceId
                               where location.OperatorId != null
                               select new { sighting, OperatorId = location.OperatorId!.Value }).ToListAsync(ct);
        foreach (var s in sightings)
            Propose(s.OperatorId, (e, sourceId) => sourceId == s.sighting.LocationSourceId && string.Equals(e.EvseUid, s.sighting.EvseUid, StringComparison.OrdinalIgnoreCase),
                s.sighting.BeginUtc, s.sighting.EndUtc!.Value, ExclusionClaimSource.StatusSchedule,
                $"schedule:{s.sighting.LocationSourceId}/{s.sighting.EvseUid}/{s.sighting.BeginUtc:yyyyMMddTHHmmss}", null, s.sighting.FirstSeenAtUtc, "status_schedule INOPERATIVE");

        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Schedule entries in the stored Locations the portal has not recorded yet, first seen no earlier than their snapshot was received.</summary>
    private async Task RecordSightingsAsync(CancellationToken ct)
    {
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => s.RawJson.Contains("status_schedule"))
            .Select(s => new { s.ConnectionId, s.LocationSourceId, s.RawJson, s.ReceivedAtUtc }).ToListAsync(ct);
        foreach (var snapshot in snapshots)
        {
            var known = (await db.StatusScheduleSightings.AsNoTracking()
                .Where(s => s.ConnectionId == snapshot.ConnectionId && s.LocationSourceId == snapshot.LocationSourceId)
                .Select(s => new { s.EvseUid, s.BeginUtc, s.Status }).ToListAsync(ct)).Select(s => (s.EvseUid, s.BeginUtc, s.Status)).ToHashSet();
            foreach (var (evseUid, entry) in Entries(snapshot.RawJson))
            {
                if (known.Add((evseUid, entry.PeriodBegin, entry.Status)))
                    db.StatusScheduleSightings.Add(StatusScheduleSighting.Of(snapshot.ConnectionId, snapshot.LocationSourceId, evseUid, entry.PeriodBegin, entry.PeriodEnd, entry.Status, snapshot.ReceivedAtUtc));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<(string EvseUid, StatusSchedule Entry)> Entries(string json)
    {
        Location? location;
        try
        {
            location = JsonSerializer.Deserialize<Location>(json, OcpiJson.Options);
        }
        catch (JsonException)
        {
            yield break;
        }
        foreach (var evse in location?.Evses ?? [])
        {
            if (string.IsNullOrEmpty(evse.Uid) || evse.Uid.Length > StatusScheduleSighting.MaxIdLength)
                continue;
            foreach (var entry in evse.StatusSchedule ?? [])
                yield return (evse.Uid, entry);
        }
    }
}
