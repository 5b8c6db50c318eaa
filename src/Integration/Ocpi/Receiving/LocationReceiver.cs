using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Municipalities;
using Portal.Domain.Operators;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The Locations receiver: takes a pushed Location, EVSE or Connector (PUT replaces, PATCH merges),
/// merges it into the last full Location we hold (<see cref="OcpiLocationSnapshot"/>), and stores the
/// result as a charge location in the municipality that contains it, with one status event per new
/// EVSE status observation. Older and repeated pushes change nothing. A location that an import
/// (NDW) already brought in under the same OCPI party and location id is updated in place, so the
/// map never shows it twice; the party's registered operator is linked.
/// </summary>
public sealed partial class LocationReceiver(PortalDbContext db, TimeProvider clock, ChargeLocationChanges changes, MunicipalityBoundaries boundaries)
{
    public Task<ReceiveResult> PutAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, CancellationToken ct = default) =>
        ReceiveAsync(connection, target, body, patch: false, ct);

    public Task<ReceiveResult> PatchAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, CancellationToken ct = default) =>
        ReceiveAsync(connection, target, body, patch: true, ct);

    /// <summary>
    /// A Location from a pull (GET on the CPO's sender interface): a full object, so it replaces what we
    /// hold like a PUT; EVSEs we held that it no longer lists are kept as REMOVED (never deleted).
    /// </summary>
    public Task<ReceiveResult> ReceivePulledAsync(OcpiConnection connection, JsonObject location, EvseStatusSource source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (Text(location["country_code"]) is not { } country || Text(location["party_id"]) is not { } party || Text(location["id"]) is not { } id)
            return Task.FromResult(ReceiveResult.Invalid("country_code, party_id and id are required"));
        return ReceiveAsync(connection, new LocationTarget(country, party, id), location, patch: false, ct, source);
    }

    /// <summary>
    /// A full pull did not list this location: every EVSE of it that is not REMOVED yet becomes REMOVED
    /// as of <paramref name="asOfUtc"/>, with a status event from the full pull.
    /// </summary>
    public async Task<ReceiveResult> RetireUnlistedAsync(OcpiConnection connection, string locationSourceId, DateTime asOfUtc, CancellationToken ct = default)
    {
        var snapshot = await db.OcpiLocationSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.LocationSourceId == locationSourceId, ct);
        if (snapshot is null || JsonNode.Parse(snapshot.RawJson) is not JsonObject location)
            return ReceiveResult.Unchanged();
        var stamp = OcpiJson.FormatDateTime(asOfUtc);
        var changed = false;
        foreach (var evse in (location["evses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(evse["status"]) == "REMOVED")
                continue;
            evse["status"] = "REMOVED";
            evse["last_updated"] = stamp;
            changed = true;
        }
        if (!changed)
            return ReceiveResult.Unchanged();
        if (LastUpdated(location["last_updated"]) is not { } own || own < asOfUtc)
            location["last_updated"] = stamp;
        return await ReceivePulledAsync(connection, location, EvseStatusSource.FullPull, ct);
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>A pulled Location lists all its EVSEs: ones we held that it leaves out are added back as REMOVED.</summary>
    private static JsonObject KeepMissingAsRemoved(JsonObject pulled, JsonObject stored)
    {
        var storedEvses = (stored["evses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (storedEvses.Count == 0)
            return pulled;
        var listed = (pulled["evses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => Text(e["uid"])).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = storedEvses.Where(e => Text(e["uid"]) is { } uid && !listed.Contains(uid)).ToList();
        if (missing.Count == 0)
            return pulled;
        var result = pulled.DeepClone().AsObject();
        var evses = result["evses"] as JsonArray ?? [];
        result["evses"] = evses;
        foreach (var evse in missing)
        {
            var removed = evse.DeepClone().AsObject();
            if (Text(removed["status"]) != "REMOVED")
            {
                removed["status"] = "REMOVED";
                if (result["last_updated"] is { } when)
                    removed["last_updated"] = when.DeepClone();
            }
            evses.Add(removed);
        }
        return result;
    }

    private async Task<ReceiveResult> ReceiveAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, bool patch, CancellationToken ct, EvseStatusSource source = EvseStatusSource.Push)
    {
        if (!connection.IsParty(target.CountryCode, target.PartyId))
            return ReceiveResult.Refused(ReceiveOutcome.WrongParty, $"{target.CountryCode}*{target.PartyId} is not the party of this connection");
        if (body is not JsonObject pushed)
            return ReceiveResult.Invalid("the body must be a JSON object");
        if (patch && !pushed.ContainsKey("last_updated"))
            return ReceiveResult.Invalid("last_updated: is required in a PATCH");

        var sourceId = target.SourceId;
        var snapshot = _page is not null ? _page.Snapshot(sourceId) : await db.OcpiLocationSnapshots.FirstOrDefaultAsync(s => s.LocationSourceId == sourceId, ct);
        var stored = snapshot is null ? null : JsonNode.Parse(snapshot.RawJson)!.AsObject();
        if (source != EvseStatusSource.Push && stored is not null && !IsOlder(pushed, stored))
            pushed = KeepMissingAsRemoved(pushed, stored);

        var merge = target switch
        {
            { EvseUid: null } => MergeLocation(target, stored, pushed, patch),
            { ConnectorId: null } => MergeEvse(target, stored, pushed, patch),
            _ => MergeConnector(target, stored, pushed, patch),
        };
        if (merge.Result is not null)
            return merge.Result;
        var merged = merge.Location!;
        if (stored is not null && JsonNode.DeepEquals(merged, stored))
            return ReceiveResult.Unchanged();

        Wire.Location location;
        try
        {
            location = merged.Deserialize<Wire.Location>(OcpiJson.Options)!;
        }
        catch (JsonException e)
        {
            return ReceiveResult.Invalid(Describe(e));
        }
        // The pushed part was checked on its own; this catches what a merge could still break.
        var problems = OcpiValidator.ValidateLocation(location);
        if (problems.Count > 0)
            return ReceiveResult.Invalid(Describe(problems));

        var details = OcpiLocationMapping.ToDetails(location);
        var existing = _page is not null && details.Source == OcpiLocationMapping.SourceName
            ? _page.ChargeLocation(ChargeLocation.KeyOf(details.OperatorPartyId, details.OcpiLocationId) ?? details.SourceId)
            : await FindExistingAsync(details, ct);
        var municipality = await MunicipalityContainingAsync(details.Position, existing?.MunicipalityId, ct);
        if (municipality is null)
            return ReceiveResult.Invalid($"the location at {location.Coordinates.Latitude}, {location.Coordinates.Longitude} lies outside every municipality of the portal");

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var inArea = details with { Area = municipality.Boundary.AcceptedArea(municipality.Name) };
            if (existing is null)
            {
                existing = ChargeLocation.Register(municipality.Id, inArea, now);
                db.ChargeLocations.Add(existing);
                _page?.Added(existing);
            }
            else
            {
                existing.Apply(inArea, now);
            }
        }
        catch (DomainRuleViolated e)
        {
            return ReceiveResult.Invalid(e.Message);
        }

        if (existing.OperatorId is null && await OperatorOfAsync(details.OperatorPartyId, ct) is { } operatorId)
            existing.LinkOperator(operatorId);
        await AppendStatusEventsAsync(sourceId, merged, location, now, source, ct);
        if (snapshot is null)
        {
            snapshot = OcpiLocationSnapshot.Create(sourceId, connection.Id);
            db.OcpiLocationSnapshots.Add(snapshot);
            _page?.Added(snapshot);
        }
        snapshot.Replace(merged.ToJsonString(), location.LastUpdated ?? now, now);
        // A page of pulled locations is saved as one (ReceivePulledPageAsync).
        if (_page is null)
        {
            await db.SaveChangesAsync(ct);
            changes.Raise();
        }
        return merge.Created ? ReceiveResult.Stored(ReceiveOutcome.Created) : ReceiveResult.Stored(ReceiveOutcome.Updated);
    }

    /// <summary>
    /// The row this OCPI location updates: the one an earlier push created, or else one an import
    /// brought in with the same OCPI key (NDW names each location's OCPI party and id).
    /// </summary>
    private async Task<ChargeLocation?> FindExistingAsync(ChargeLocationDetails details, CancellationToken ct)
    {
        var key = ChargeLocation.KeyOf(details.OperatorPartyId, details.OcpiLocationId) ?? details.SourceId;
        var candidates = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors)
            .Where(l => (l.Source == details.Source && l.SourceId == details.SourceId) || l.OcpiKey == key)
            .ToListAsync(ct);
        return candidates.FirstOrDefault(l => l.Source == details.Source) ?? candidates.OrderBy(l => l.ImportedAtUtc).FirstOrDefault();
    }

    private readonly Dictionary<string, Guid?> _operators = new(StringComparer.OrdinalIgnoreCase);

    private async Task<Guid?> OperatorOfAsync(string? partyId, CancellationToken ct)
    {
        if (partyId is not null && _operators.TryGetValue(partyId, out var known))
            return known;
        var found = await FindOperatorAsync(partyId, ct);
        if (partyId is not null)
            _operators[partyId] = found;
        return found;
    }

    private async Task<Guid?> FindOperatorAsync(string? partyId, CancellationToken ct)
    {
        OcpiPartyId party;
        try
        {
            party = OcpiPartyId.Parse(partyId);
        }
        catch (DomainRuleViolated)
        {
            return null;
        }
        return await db.Operators.Where(o => o.PartyId == party).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
    }

    private static Merge MergeLocation(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch)
    {
        if ((Mismatch(pushed, "country_code", target.CountryCode) ?? Mismatch(pushed, "party_id", target.PartyId) ?? Mismatch(pushed, "id", target.LocationId)) is { } mismatch)
            return Merge.Fail(ReceiveResult.Invalid(mismatch));
        if (patch && stored is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"location {target.LocationId} is unknown; PUT it first"));
        if (IsOlder(pushed, stored))
            return Merge.Fail(ReceiveResult.Ignored());

        JsonObject merged;
        if (patch)
        {
            merged = stored!.DeepClone().AsObject();
            MergeFields(merged, pushed);
        }
        else
        {
            var problems = Validate<Wire.Location>(pushed, OcpiValidator.ValidateLocation);
            if (problems is not null)
                return Merge.Fail(ReceiveResult.Invalid(problems));
            merged = pushed.DeepClone().AsObject();
        }
        return Merge.To(merged, created: stored is null);
    }

    private static Merge MergeEvse(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch)
    {
        if (Mismatch(pushed, "uid", target.EvseUid!) is { } mismatch)
            return Merge.Fail(ReceiveResult.Invalid(mismatch));
        if (stored is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"location {target.LocationId} is unknown; PUT it first"));
        var merged = stored.DeepClone().AsObject();
        var evses = merged["evses"] as JsonArray ?? [];
        merged["evses"] = evses;
        var existing = Find(evses, "uid", target.EvseUid!);
        if (patch && existing is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"EVSE {target.EvseUid} is unknown; PUT it first"));
        if (IsOlder(pushed, existing))
            return Merge.Fail(ReceiveResult.Ignored());

        var evse = patch ? existing!.DeepClone().AsObject() : pushed.DeepClone().AsObject();
        if (patch)
            MergeFields(evse, pushed);
        evse["uid"] ??= target.EvseUid;
        var problems = Validate<Wire.Evse>(evse, OcpiValidator.ValidateEvse);
        if (problems is not null)
            return Merge.Fail(ReceiveResult.Invalid(problems));

        Replace(evses, existing, evse);
        Propagate(merged, evse["last_updated"]);
        return Merge.To(merged, created: existing is null);
    }

    private static Merge MergeConnector(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch)
    {
        if (Mismatch(pushed, "id", target.ConnectorId!) is { } mismatch)
            return Merge.Fail(ReceiveResult.Invalid(mismatch));
        if (stored is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"location {target.LocationId} is unknown; PUT it first"));
        var merged = stored.DeepClone().AsObject();
        var evse = Find(merged["evses"] as JsonArray ?? [], "uid", target.EvseUid!);
        if (evse is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"EVSE {target.EvseUid} is unknown; PUT it first"));
        var connectors = evse["connectors"] as JsonArray ?? [];
        evse["connectors"] = connectors;
        var existing = Find(connectors, "id", target.ConnectorId!);
        if (patch && existing is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"connector {target.ConnectorId} is unknown; PUT it first"));
        if (IsOlder(pushed, existing))
            return Merge.Fail(ReceiveResult.Ignored());

        var connector = patch ? existing!.DeepClone().AsObject() : pushed.DeepClone().AsObject();
        if (patch)
            MergeFields(connector, pushed);
        connector["id"] ??= target.ConnectorId;
        var problems = Validate<Wire.Connector>(connector, OcpiValidator.ValidateConnector);
        if (problems is not null)
            return Merge.Fail(ReceiveResult.Invalid(problems));

        Replace(connectors, existing, connector);
        Propagate(evse, connector["last_updated"]);
        Propagate(merged, connector["last_updated"]);
        return Merge.To(merged, created: existing is null);
    }

    /// <summary>PATCH: given fields replace stored ones; EVSEs and connectors inside are merged by their id.</summary>
    private static void MergeFields(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            var key = name switch { "evses" => "uid", "connectors" => "id", _ => null };
            if (key is not null && value is JsonArray items && target[name] is JsonArray existing)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    var match = item[key]?.GetValueKind() == JsonValueKind.String ? Find(existing, key, item[key]!.GetValue<string>()) : null;
                    if (match is null)
                        existing.Add(item.DeepClone());
                    else
                        MergeFields(match, item);
                }
                continue;
            }
            target[name] = value?.DeepClone();
        }
    }

    /// <summary>The receiver sets the new last_updated on the parents (spec 4.2).</summary>
    private static void Propagate(JsonObject parent, JsonNode? lastUpdated)
    {
        if (LastUpdated(lastUpdated) is not { } child)
            return;
        if (LastUpdated(parent["last_updated"]) is not { } own || own < child)
            parent["last_updated"] = lastUpdated!.DeepClone();
    }

    private static bool IsOlder(JsonObject pushed, JsonObject? stored) =>
        LastUpdated(pushed["last_updated"]) is { } incoming && LastUpdated(stored?["last_updated"]) is { } known && incoming < known;

    private static DateTime? LastUpdated(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && OcpiJson.TryParseDateTime(node.GetValue<string>(), out var utc) ? utc : null;

    private static string? Mismatch(JsonObject pushed, string field, string fromUrl) =>
        pushed[field] is { } value && (value.GetValueKind() != JsonValueKind.String || !string.Equals(value.GetValue<string>(), fromUrl, StringComparison.OrdinalIgnoreCase))
            ? $"{field}: '{value.ToJsonString()}' differs from '{fromUrl}' in the URL"
            : null;

    private static JsonObject? Find(JsonArray items, string key, string id) =>
        items.OfType<JsonObject>().FirstOrDefault(o => o[key]?.GetValueKind() == JsonValueKind.String
            && string.Equals(o[key]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));

    private static void Replace(JsonArray items, JsonObject? existing, JsonObject replacement)
    {
        if (existing is null)
        {
            items.Add(replacement);
            return;
        }
        items[items.IndexOf(existing)] = replacement;
    }

    private static string? Validate<T>(JsonObject node, Func<T, IReadOnlyList<OcpiProblem>> validate)
    {
        try
        {
            var problems = validate(node.Deserialize<T>(OcpiJson.Options)!);
            return problems.Count == 0 ? null : Describe(problems);
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
    }

    private static string Describe(JsonException e) =>
        e.Path is { } path ? $"{path.TrimStart('$', '.')}: {e.Message}" : e.Message;

    private static string Describe(IReadOnlyList<OcpiProblem> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"));

    /// <summary>The municipality whose boundary contains the point; most updates are of a location we hold, so its own is tried first.</summary>
    private async Task<BoundedMunicipality?> MunicipalityContainingAsync(GeoPoint point, Guid? likely, CancellationToken ct) =>
        _page is not null
            ? _page.MunicipalityContaining(point, likely)
            : await boundaries.ContainingAsync(point.Latitude, point.Longitude, likely, ct);

    /// <summary>
    /// One event per EVSE whose (status, last_updated) is new to us: a repeat of the latest
    /// observation, or one older than it, adds nothing.
    /// </summary>
    private async Task AppendStatusEventsAsync(string sourceId, JsonObject merged, Wire.Location location, DateTime now, EvseStatusSource source, CancellationToken ct)
    {
        var evses = location.Evses ?? [];
        if (evses.Count == 0)
            return;
        // Only the latest event per EVSE decides, and it matters only when it is not older than the
        // observation; so events before the oldest pushed observation need not be read at all.
        var oldest = evses.Min(e => e.LastUpdated ?? location.LastUpdated ?? now);
        var latest = _page is not null
            ? _page.LatestEvents(sourceId)
            : (await db.EvseStatusEvents.AsNoTracking()
                .Where(e => e.LocationSourceId == sourceId && e.OccurredAtUtc >= oldest)
                .Select(e => new { e.EvseUid, e.Status, e.OccurredAtUtc, e.Id })
                .ToListAsync(ct))
                .GroupBy(e => e.EvseUid, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => new LatestEvent(e.Status, e.OccurredAtUtc)).Last(), StringComparer.OrdinalIgnoreCase);
        var nodes = (merged["evses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var (evse, node) in evses.Zip(nodes))
        {
            var occurred = evse.LastUpdated ?? location.LastUpdated ?? now;
            if (latest.TryGetValue(evse.Uid, out var last)
                && (occurred < last.OccurredAtUtc || (occurred == last.OccurredAtUtc && last.Status == evse.Status)))
                continue;
            db.EvseStatusEvents.Add(EvseStatusEvent.Observe(sourceId, evse.Uid, evse.Status, occurred, now, source, node.ToJsonString()));
            latest[evse.Uid] = new LatestEvent(evse.Status, occurred);
        }
    }

    private sealed record Merge(JsonObject? Location, bool Created, ReceiveResult? Result)
    {
        public static Merge To(JsonObject location, bool created) => new(location, created, null);

        public static Merge Fail(ReceiveResult result) => new(null, false, result);
    }
}

/// <summary>What a push addresses: a Location, or one of its EVSEs, or one connector of an EVSE.</summary>
public sealed record LocationTarget(string CountryCode, string PartyId, string LocationId, string? EvseUid = null, string? ConnectorId = null)
{
    /// <summary>The same key as <see cref="OcpiLocationMapping"/>'s source id: ids are CiStrings.</summary>
    public string SourceId => $"{CountryCode}*{PartyId}*{LocationId}".ToUpperInvariant();
}

public enum ReceiveOutcome
{
    Created,
    Updated,
    Unchanged,
    IgnoredAsOlder,
    Invalid,
    WrongParty,
    UnknownLocation,
}

public sealed record ReceiveResult(ReceiveOutcome Outcome, string? Message)
{
    public bool IsAccepted => Outcome is ReceiveOutcome.Created or ReceiveOutcome.Updated or ReceiveOutcome.Unchanged or ReceiveOutcome.IgnoredAsOlder;

    public static ReceiveResult Stored(ReceiveOutcome outcome) => new(outcome, null);

    public static ReceiveResult Unchanged() => new(ReceiveOutcome.Unchanged, "no change");

    public static ReceiveResult Ignored() => new(ReceiveOutcome.IgnoredAsOlder, "older than what is stored (last_updated); ignored");

    public static ReceiveResult Invalid(string message) => new(ReceiveOutcome.Invalid, message);

    public static ReceiveResult Refused(ReceiveOutcome outcome, string message) => new(outcome, message);
}
