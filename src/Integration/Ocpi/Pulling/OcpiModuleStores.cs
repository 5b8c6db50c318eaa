using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Pulling;

/// <summary>What storing one page came to: the newest last_updated in it, the objects refused (named, with why) and how many were stored with deviations.</summary>
public sealed record StoredPage(DateTime? MaxLastUpdated, IReadOnlyList<Refusal> Refused, int Flagged = 0);

/// <summary>A pulled object with its key (COUNTRY*PARTY*ID in upper case: ids are CiStrings) and last_updated.</summary>
public sealed record KeyedObject<T>(string Key, T Value, DateTime LastUpdated, OcpiObject<T> Pulled)
    where T : class;

public static class KeyedObjects
{
    /// <summary>The objects with key and last_updated; the rest is refused (named in the run) rather than failing the page.</summary>
    public static List<KeyedObject<T>> Of<T>(IReadOnlyList<OcpiObject<T>> items, List<Refusal> refused)
        where T : class, IOcpiPartyObject
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(refused);
        var keyed = new List<KeyedObject<T>>(items.Count);
        foreach (var item in items)
        {
            if (item.Value is not { } value)
                refused.Add(new Refusal(item.RawId() ?? "", [new OcpiFinding(OcpiRules.ObjectUnreadable, OcpiSeverity.Unusable, "", OcpiFinding.Clip(item.Error), item.Error ?? "")],
                    $"{item.RawId()}: {item.Error}"));
            else if (value is not { CountryCode: { Length: > 0 } country, PartyId: { Length: > 0 } party, Id: { Length: > 0 } id, LastUpdated: { } updated })
                refused.Add(new Refusal(item.RawId() ?? "", [new OcpiFinding(OcpiRules.KeyInvalid, OcpiSeverity.Unusable, "", null, "country_code, party_id, id and last_updated are required")],
                    $"{item.RawId()}: country_code, party_id, id and last_updated are required"));
            else
                keyed.Add(new KeyedObject<T>($"{country}*{party}*{id}".ToUpperInvariant(), value, updated, item));
        }
        return keyed;
    }
}

/// <summary>
/// Sessions and CDRs: one row per key, replaced by a newer last_updated; older and repeated updates change
/// nothing. The charging periods are kept as sent.
/// </summary>
public sealed class KeyedRecordStore<TWire, TRecord>(PortalDbContext db, TimeProvider clock, Func<Guid, string, TRecord> create)
    where TWire : class, IOcpiPartyObject
    where TRecord : OcpiChargingRecord, IOcpiKeyedRecord<TWire>
{
    public async Task<StoredPage> StoreAsync(Guid connectionId, IReadOnlyList<OcpiObject<TWire>> items, CancellationToken ct)
    {
        var refused = new List<Refusal>();
        var keyed = KeyedObjects.Of(items, refused);
        var keys = keyed.Select(p => p.Key).Distinct().ToList();
        var existing = await db.Set<TRecord>().Where(r => r.ConnectionId == connectionId && keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value, lastUpdated, pulled) in keyed)
        {
            if (existing.TryGetValue(key, out var record) && record.LastUpdatedUtc >= lastUpdated)
                continue;
            if (record is null)
            {
                record = create(connectionId, key);
                db.Set<TRecord>().Add(record);
                existing[key] = record;
            }
            var periods = OcpiJsonSlices.Property(pulled.Utf8.Span, "charging_periods");
            record.Apply(value, periods.IsEmpty || periods.SequenceEqual("null"u8) ? "[]" : Encoding.UTF8.GetString(periods), lastUpdated, now);
        }
        await db.SaveChangesAsync(ct);
        return new StoredPage(keyed.Count == 0 ? null : keyed.Max(p => p.LastUpdated), refused);
    }
}

/// <summary>Tariffs: every version (last_updated) is kept with the raw object; the same version twice is stored once.</summary>
public sealed class TariffVersionStore(PortalDbContext db, TimeProvider clock)
{
    public async Task<StoredPage> StoreAsync(Guid connectionId, IReadOnlyList<OcpiObject<Tariff>> items, CancellationToken ct)
    {
        var refused = new List<Refusal>();
        var keyed = KeyedObjects.Of(items, refused);
        var keys = keyed.Select(p => p.Key).Distinct().ToList();
        var known = (await db.OcpiTariffVersions.AsNoTracking().Where(t => t.ConnectionId == connectionId && keys.Contains(t.Key))
            .Select(t => new { t.Key, t.LastUpdatedUtc }).ToListAsync(ct))
            .Select(t => (t.Key, t.LastUpdatedUtc)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, tariff, lastUpdated, pulled) in keyed)
        {
            if (known.Add((key, lastUpdated)))
                db.OcpiTariffVersions.Add(OcpiTariffVersion.Create(connectionId, key, tariff, lastUpdated, pulled.Json(), now));
        }
        await db.SaveChangesAsync(ct);
        return new StoredPage(keyed.Count == 0 ? null : keyed.Max(p => p.LastUpdated), refused);
    }
}

/// <summary>
/// Locations: a page through the one location pipeline (<see cref="LocationReceiver.ReceivePulledPageAsync"/>);
/// a full pull notes which locations it listed, to retire the others at its end.
/// </summary>
public sealed class LocationPageStore(PortalDbContext db, LocationReceiver receiver, ChargeLocationChanges changes)
{
    public async Task<StoredPage> StoreAsync(OcpiConnection connection, IReadOnlyList<OcpiObject<Location>> items, PullMode mode, DateTime started, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var source = mode == PullMode.Full ? EvseStatusSource.FullPull : EvseStatusSource.IncrementalPull;
        var results = await receiver.ReceivePulledPageAsync(connection, items, source, ct, mode == PullMode.Full ? started : null);
        changes.Raise();
        var refused = new List<Refusal>();
        var flagged = 0;
        DateTime? maxSeen = null;
        var listed = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var location = items[i].Value;
            if (!results[i].IsAccepted)
            {
                var id = location?.Id ?? items[i].RawId();
                var reasons = results[i].Findings.Count > 0
                    ? results[i].Findings
                    : [new OcpiFinding(OcpiRules.RuleViolated, OcpiSeverity.Unusable, "", OcpiFinding.Clip(results[i].Message), results[i].Message ?? "")];
                refused.Add(new Refusal(id ?? "", reasons, $"location {id}: {results[i].Message}"));
            }
            else if (results[i].IsFlagged)
                flagged++;
            if (location?.LastUpdated is { } seen && (maxSeen is null || seen > maxSeen))
                maxSeen = seen;
            // A snapshot this page created was stored as listed already.
            if (LocationPipeline.TargetOf(location) is { } target && results[i].Outcome != ReceiveOutcome.Created)
                listed.Add(target.SourceId);
        }
        if (mode == PullMode.Full && listed.Count > 0)
        {
            await db.OcpiLocationSnapshots.Where(s => listed.Contains(s.LocationSourceId))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastListedAtUtc, started), ct);
        }
        return new StoredPage(maxSeen, refused, flagged);
    }
}
