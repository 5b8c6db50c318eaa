using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
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
/// last_updated: the EVSE row and its location's summary are updated, the snapshot's JSON is patched in place
/// (<see cref="EvseStatusPatch"/>) and one status event is appended, as the full way through
/// <see cref="LocationPipeline"/> would store it, without reading the charge location with its EVSEs and
/// connectors, merging a tree of the whole Location or hashing every EVSE version. Whatever it does not
/// handle (another field, an EVSE or location we do not hold, a location with open data-quality findings,
/// one an import brought in, no linked operator) it leaves to the full way by answering null.
/// </summary>
public sealed class EvseStatusPatchStore(PortalDbContext db, TimeProvider clock, MunicipalityBoundaries boundaries)
{
    /// <summary>How often a PATCH that lost a race for its snapshot to another writer is tried again before the full way takes it.</summary>
    private const int Attempts = 3;

    public async Task<ReceiveResult?> TryStoreAsync(LocationTarget target, JsonObject pushed, Func<Func<Task<bool>>, Task<bool>> inWriterTurn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inWriterTurn);
        if (target.EvseUid is null || target.ConnectorId is not null || EvseStatusPatch.Read(pushed) is not { } change)
            return null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (result, stored) = await TryOnceAsync(target, change, inWriterTurn, ct);
            if (result is null || stored)
                return result;
        }
        return null;
    }

    /// <summary>One try: the result (null: the full way), and false when another writer changed the snapshot first.</summary>
    private async Task<(ReceiveResult? Result, bool Stored)> TryOnceAsync(LocationTarget target, (string Status, string LastUpdatedText, DateTime LastUpdated) change, Func<Func<Task<bool>>, Task<bool>> inWriterTurn, CancellationToken ct)
    {
        var sourceId = target.SourceId;
        var snapshot = await db.OcpiLocationSnapshots.AsNoTracking()
            .Where(s => s.LocationSourceId == sourceId)
            .Select(s => new { s.RawJson, s.OpenFindings })
            .FirstOrDefaultAsync(ct);
        if (snapshot is null || snapshot.OpenFindings > 0)
            return (null, true);
        var patched = EvseStatusPatch.Apply(snapshot.RawJson, target.EvseUid!, change.Status, change.LastUpdatedText, change.LastUpdated);
        switch (patched?.Kind)
        {
            case null:
                return (null, true);
            case EvseStatusPatch.PatchKind.Older:
                return (ReceiveResult.Ignored(), true);
            case EvseStatusPatch.PatchKind.Same:
                return (ReceiveResult.Unchanged(), true);
        }

        // The party's registered operator, linked as the full way links it when the location has none yet.
        var party = PartyOf(target);
        var location = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.Source == OcpiLocationMapping.SourceName && l.SourceId == sourceId)
            .Select(l => new
            {
                l.Id, l.MunicipalityId, l.OperatorId, l.Latitude, l.Longitude,
                PartyOperator = l.OperatorId == null ? db.Operators.Where(o => o.PartyId == party).Select(o => (Guid?)o.Id).FirstOrDefault() : null,
                Evses = l.Evses.Select(e => new { e.Id, e.Uid, e.Status }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        // A location outside every municipality (boundaries changed since) the full way refuses.
        if (location is null || await boundaries.ContainingAsync(location.Latitude, location.Longitude, location.MunicipalityId, ct) is null)
            return (null, true);
        var operatorId = location.OperatorId ?? location.PartyOperator;
        var rows = location.Evses.Where(e => string.Equals(e.Uid, patched!.Uid, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count != 1)
            return (null, true);
        var evseId = rows[0].Id;
        var evseStatus = OcpiLocationMapping.Status(change.Status);
        var locationStatus = LocationStatusRule.Summarise(location.Evses.Select(e => e.Id == evseId ? evseStatus : e.Status));
        var counted = patched!.Statuses.Select(OcpiLocationMapping.Status).Where(s => s != EvseStatus.Removed).ToList();
        var isPlanned = counted.Count > 0 && counted.All(s => s == EvseStatus.Planned);

        // An event only when this observation is new: none of the EVSE at the same time with the same status, none
        // later. Events carry the uid as the snapshot spelled it, so the index (source, uid, time) finds them.
        var occurred = change.LastUpdated;
        var uid = patched.Uid;
        var latest = await db.EvseStatusEvents.AsNoTracking()
            .Where(e => e.LocationSourceId == sourceId && e.EvseUid == uid && e.OccurredAtUtc >= occurred)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.Status, e.OccurredAtUtc })
            .FirstOrDefaultAsync(ct);
        var observed = latest is null || (latest.OccurredAtUtc == occurred && latest.Status != change.Status);

        var now = clock.GetUtcNow().UtcDateTime;
        var json = Encoding.UTF8.GetString(patched.Utf8);
        var before = snapshot.RawJson;
        var locationLastUpdated = patched.LocationLastUpdated;
        var stored = await inWriterTurn(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Only over the JSON this patch was made from: a writer that changed it meanwhile wins, and this one starts again.
                var updated = await db.OcpiLocationSnapshots
                    .Where(s => s.LocationSourceId == sourceId && s.RawJson == before)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RawJson, json).SetProperty(x => x.LastUpdatedUtc, locationLastUpdated).SetProperty(x => x.ReceivedAtUtc, now), ct);
                if (updated == 0)
                    return false;
                await db.ChargeLocations.Where(l => l.Id == location.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, locationStatus).SetProperty(l => l.IsPlanned, isPlanned)
                        .SetProperty(l => l.LastUpdatedUtc, locationLastUpdated).SetProperty(l => l.ImportedAtUtc, now)
                        .SetProperty(l => l.OperatorId, operatorId), ct);
                await db.Set<Evse>().Where(e => e.Id == evseId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, evseStatus).SetProperty(e => e.LastUpdatedUtc, occurred), ct);
                if (observed)
                {
                    var (hash, versionJson) = OcpiEvseVersion.Of(patched.Utf8, only: patched.Index)[0];
                    var writer = BulkWriter.For(db);
                    await writer.InsertMissingAsync([OcpiEvseVersion.Create(hash, versionJson)], ct);
                    await writer.InsertAsync([EvseStatusEvent.Observe(sourceId, patched.Uid, change.Status, occurred, now, EvseStatusSource.Push, hash)], ct);
                }
                await transaction.CommitAsync(ct);
                return true;
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Storing an OCPI status update failed: {e.Message}", e);
            }
        });
        if (!stored)
            return (null, false);
        ChangeSignalInterceptor.Wrote(db, observed
            ? [typeof(ChargeLocation), typeof(Evse), typeof(OcpiLocationSnapshot), typeof(EvseStatusEvent)]
            : [typeof(ChargeLocation), typeof(Evse), typeof(OcpiLocationSnapshot)]);
        return (ReceiveResult.Stored(ReceiveOutcome.Updated), true);
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
}
