using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Operators;
using Portal.Integration.Changes;
using Portal.Integration.Municipalities;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Receiving.Bulk;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The short way for the most common push, a PATCH of an EVSE we hold that changes only its status and
/// last_updated, for a batch of them at once (<see cref="EvseStatusPatchWriter"/>): per location, the PATCHes
/// are applied in order to the snapshot's JSON (<see cref="EvseStatusPatch"/>), and the snapshot, the charge
/// location's summary, the EVSE rows and one status event per new observation are written as the full way
/// through <see cref="LocationPipeline"/> would store them, all in one transaction with prepared statements
/// (<see cref="StatusPatchStatements"/>). The state a PATCH is applied to comes from <see cref="KnownLocations"/>
/// or is read; the snapshot's update is conditional on the JSON it was made from, so a location another writer
/// changed meanwhile is given back to be read again and tried again. Whatever the short way does not handle
/// (another field, an EVSE or location we do not hold, a location with open data-quality findings, one an
/// import brought in) it answers null, for the full way.
/// </summary>
public sealed class EvseStatusPatchStore(PortalDbContext db, TimeProvider clock, MunicipalityBoundaries boundaries)
{
    /// <summary>
    /// Stores the batch and answers its PATCHes once committed; gives back, in order, the PATCHes of locations
    /// that another writer changed meanwhile (not answered, to be tried again).
    /// </summary>
    internal async Task<IReadOnlyList<PendingStatusPatch>> StoreAsync(IReadOnlyList<PendingStatusPatch> batch, KnownLocations known, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var works = new List<LocationWork>();
        var answers = new List<(PendingStatusPatch Pending, ReceiveResult? Result)>();
        foreach (var group in batch.GroupBy(p => p.Target.SourceId, StringComparer.Ordinal))
        {
            var state = known.Find(group.Key, now) ?? await LoadAsync(group.Key, now, ct);
            // A location outside every municipality (boundaries changed since) the full way refuses.
            if (state is null || await boundaries.ContainingAsync(state.Latitude, state.Longitude, state.MunicipalityId, ct) is null)
            {
                answers.AddRange(group.Select(p => (p, (ReceiveResult?)null)));
                continue;
            }
            var work = new LocationWork(state, PartyOf(group.First().Target));
            foreach (var pending in group)
                work.Answers.Add((pending, await ApplyAsync(work, pending.Change, pending.Target.EvseUid!, now, ct)));
            works.Add(work);
        }

        var writing = works.Where(w => w.Changed).ToList();
        var conflicted = writing.Count == 0 ? [] : await WriteAsync(writing, now, ct);
        foreach (var work in works)
        {
            if (conflicted.Contains(work))
            {
                known.Forget(work.State.SourceId);
                continue;
            }
            known.Remember(work.Changed ? work.Result() : work.State);
            answers.AddRange(work.Answers);
        }
        var wrote = writing.Where(w => !conflicted.Contains(w)).ToList();
        if (wrote.Count > 0)
            ChangeSignalInterceptor.Wrote(db, wrote.Any(w => w.Events.Count > 0)
                ? [typeof(ChargeLocation), typeof(Evse), typeof(OcpiLocationSnapshot), typeof(EvseStatusEvent)]
                : [typeof(ChargeLocation), typeof(Evse), typeof(OcpiLocationSnapshot)]);
        foreach (var (pending, result) in answers)
            pending.Answer.TrySetResult(result);
        var again = conflicted.SelectMany(w => w.Answers.Select(a => a.Pending)).ToHashSet();
        return batch.Where(again.Contains).ToList();
    }

    /// <summary>One PATCH on the location's state as the PATCHes before it in the batch left it.</summary>
    private async Task<ReceiveResult?> ApplyAsync(LocationWork work, EvseStatusChange change, string evseUid, DateTime now, CancellationToken ct)
    {
        var patched = EvseStatusPatch.Apply(work.Json, evseUid, change.Status, change.LastUpdatedText, change.LastUpdated);
        switch (patched?.Kind)
        {
            case null:
                return null;
            case EvseStatusPatch.PatchKind.Older:
                return ReceiveResult.Ignored();
            case EvseStatusPatch.PatchKind.Same:
                return ReceiveResult.Unchanged();
        }
        var rows = work.Evses.Where(e => string.Equals(e.Uid, patched!.Uid, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count != 1)
            return null;
        var row = rows[0];
        var occurred = change.LastUpdated;
        row.Status = OcpiLocationMapping.Status(change.Status);
        row.LastUpdatedUtc = occurred;
        row.Touched = true;
        var counted = patched!.Statuses.Select(OcpiLocationMapping.Status).Where(s => s != EvseStatus.Removed).ToList();
        work.IsPlanned = counted.Count > 0 && counted.All(s => s == EvseStatus.Planned);
        work.LocationStatus = LocationStatusRule.Summarise(work.Evses.Select(e => e.Status));
        work.LocationLastUpdated = patched.LocationLastUpdated;
        work.Json = patched.Utf8;
        work.Changed = true;

        // An event only when this observation is new: none of the EVSE at the same time with the same status, none
        // later. Events carry the uid as the snapshot spelled it, so the index (source, uid, time) finds them.
        var latest = await LatestEventAsync(work, patched.Uid, ct);
        if (latest is null || latest.OccurredAtUtc < occurred || (latest.OccurredAtUtc == occurred && latest.Status != change.Status))
        {
            var (hash, versionJson) = OcpiEvseVersion.Of(patched.Utf8, only: patched.Index)[0];
            work.Events.Add((EvseStatusEvent.Observe(work.State.SourceId, patched.Uid, change.Status, occurred, now, EvseStatusSource.Push, hash), versionJson));
            work.LatestEvents[patched.Uid] = new LatestEvent(change.Status, occurred);
        }
        return ReceiveResult.Stored(ReceiveOutcome.Updated);
    }

    /// <summary>The EVSE's latest status event (by time, then as stored last), known or read once.</summary>
    private async Task<LatestEvent?> LatestEventAsync(LocationWork work, string uid, CancellationToken ct)
    {
        if (work.LatestEvents.TryGetValue(uid, out var known))
            return known;
        var sourceId = work.State.SourceId;
        var latest = await db.EvseStatusEvents.AsNoTracking()
            .Where(e => e.LocationSourceId == sourceId && e.EvseUid == uid)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.Status, e.OccurredAtUtc })
            .FirstOrDefaultAsync(ct);
        var found = latest is null ? null : new LatestEvent(latest.Status, latest.OccurredAtUtc);
        work.LatestEvents[uid] = found;
        return found;
    }

    /// <summary>The location as the short way needs it; null when the short way does not handle it.</summary>
    private async Task<KnownLocation?> LoadAsync(string sourceId, DateTime now, CancellationToken ct)
    {
        var snapshot = await db.OcpiLocationSnapshots.AsNoTracking()
            .Where(s => s.LocationSourceId == sourceId)
            .Select(s => new { s.RawJson, s.OpenFindings })
            .FirstOrDefaultAsync(ct);
        if (snapshot is null || snapshot.OpenFindings > 0)
            return null;
        var location = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.Source == OcpiLocationMapping.SourceName && l.SourceId == sourceId)
            .Select(l => new
            {
                l.Id, l.MunicipalityId, l.Latitude, l.Longitude,
                Evses = l.Evses.Select(e => new { e.Id, e.Uid, e.Status, e.LastUpdatedUtc }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (location is null)
            return null;
        return new KnownLocation(sourceId, Encoding.UTF8.GetBytes(snapshot.RawJson), location.Id, location.MunicipalityId, location.Latitude, location.Longitude,
            [.. location.Evses.Select(e => new KnownEvse(e.Id, e.Uid, e.Status, e.LastUpdatedUtc))], new Dictionary<string, LatestEvent?>(StringComparer.Ordinal), now);
    }

    /// <summary>Writes the changed locations in one transaction; gives back those whose snapshot another writer changed first.</summary>
    private async Task<HashSet<LocationWork>> WriteAsync(IReadOnlyList<LocationWork> writing, DateTime now, CancellationToken ct)
    {
        var conflicted = new HashSet<LocationWork>();
        await WriterTurn.TakeAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await using var statements = StatusPatchStatements.Prepare(db, transaction.GetDbTransaction());
                foreach (var work in writing)
                {
                    var json = Encoding.UTF8.GetString(work.Json);
                    // Only over the JSON this batch was applied to: a writer that changed it meanwhile wins, and these PATCHes start again.
                    if (await statements.UpdateSnapshotAsync(work.State.SourceId, Encoding.UTF8.GetString(work.State.Json), json, work.LocationLastUpdated, now, ct) == 0)
                    {
                        conflicted.Add(work);
                        continue;
                    }
                    await statements.UpdateLocationAsync(work.State.ChargeLocationId, work.LocationStatus, work.IsPlanned, work.LocationLastUpdated, now, work.Party, ct);
                    foreach (var evse in work.Evses.Where(e => e.Touched))
                        await statements.UpdateEvseAsync(evse.Id, evse.Status, evse.LastUpdatedUtc, ct);
                }
                var events = writing.Where(w => !conflicted.Contains(w)).SelectMany(w => w.Events).ToList();
                if (events.Count > 0)
                {
                    var writer = BulkWriter.For(db);
                    var versions = events.DistinctBy(e => e.Event.EvseVersionHash, StringComparer.Ordinal)
                        .Select(e => OcpiEvseVersion.Create(e.Event.EvseVersionHash, e.VersionJson)).ToList();
                    await writer.InsertMissingAsync(versions, ct);
                    await writer.InsertAsync(events.Select(e => e.Event).ToList(), ct);
                }
                await transaction.CommitAsync(ct);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Storing OCPI status updates failed: {e.Message}", e);
            }
            return true;
        });
        return conflicted;
    }

    private static OcpiPartyId? PartyOf(LocationTarget target)
    {
        try
        {
            return OcpiPartyId.Parse($"{target.CountryCode}*{target.PartyId}".ToUpperInvariant());
        }
        catch (DomainRuleViolated)
        {
            return null;
        }
    }

    /// <summary>A location's state while the batch's PATCHes are applied to it.</summary>
    private sealed class LocationWork(KnownLocation state, OcpiPartyId? party)
    {
        public KnownLocation State { get; } = state;
        public OcpiPartyId? Party { get; } = party;
        public byte[] Json { get; set; } = state.Json;
        public List<KnownEvse> Evses { get; } = [.. state.Evses.Select(e => e with { })];
        public Dictionary<string, LatestEvent?> LatestEvents { get; } = new(state.LatestEvents, StringComparer.Ordinal);
        public bool Changed { get; set; }
        public LocationStatus LocationStatus { get; set; }
        public bool IsPlanned { get; set; }
        public DateTime LocationLastUpdated { get; set; }
        public List<(EvseStatusEvent Event, string VersionJson)> Events { get; } = [];
        public List<(PendingStatusPatch Pending, ReceiveResult? Result)> Answers { get; } = [];

        /// <summary>The location as stored once this work committed.</summary>
        public KnownLocation Result() =>
            State with { Json = Json, Evses = [.. Evses.Select(e => e with { Touched = false })], LatestEvents = LatestEvents };
    }
}
