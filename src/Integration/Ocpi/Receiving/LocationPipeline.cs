using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Operators;
using Portal.Integration.Municipalities;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The one way an OCPI Location reaches the register, for a push and a pull alike: a full Location,
/// read once into its wire record with its raw JSON and validated once, is merged into the stored state
/// (charge location, snapshot, status events) through <see cref="ILocationLookups"/>. Nothing is saved
/// here: the caller saves the <see cref="LocationWrites"/> (once per push, once per page) and raises the
/// change notification.
/// </summary>
public sealed class LocationPipeline(PortalDbContext db, TimeProvider clock, MunicipalityBoundaries boundaries)
{
    private readonly Dictionary<string, Guid?> _operators = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lookups for one pushed object.</summary>
    public ILocationLookups PerObject() => new PushLookups(db, boundaries);

    /// <summary>Lookups for a page of pulled locations, read up front.</summary>
    public async Task<ILocationLookups> ForPageAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct) =>
        await PageLookups.LoadAsync(db, sourceIds, await boundaries.AllAsync(ct), ct);

    /// <summary>
    /// A pulled Location (GET on the CPO's sender interface): a full object, so it replaces what we hold
    /// like a PUT; EVSEs we held that it no longer lists are kept as REMOVED (never deleted).
    /// </summary>
    public async Task<ReceiveResult> StorePulledAsync(OcpiConnection connection, OcpiObject<Wire.Location> pulled, LocationTarget? target, ILocationLookups lookups, EvseStatusSource source, LocationWrites writes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(pulled);
        ArgumentNullException.ThrowIfNull(lookups);
        if (pulled.Value is not { } location)
            return ReceiveResult.Invalid(pulled.Error ?? "the object could not be read", OcpiRules.ObjectUnreadable, "", pulled.Error);
        if (target is null)
            return ReceiveResult.Invalid("country_code, party_id and id are required", OcpiRules.KeyInvalid, "id", location.Id);
        if (!connection.IsParty(target.CountryCode, target.PartyId))
            return WrongParty(target);

        var snapshot = await lookups.SnapshotAsync(target.SourceId, ct);
        if (snapshot is not null && location.LastUpdated is { } incoming && incoming < snapshot.LastUpdatedUtc)
            return ReceiveResult.Ignored();
        var validation = OcpiValidator.CheckLocation(location);
        if (validation.Refuses(connection.StrictValidation))
            return ReceiveResult.Invalid(validation.Reasons(connection.StrictValidation));
        var deviations = validation.Deviations;

        var utf8 = pulled.Utf8;
        if (snapshot is not null && SameJson(utf8.Span, snapshot.RawJson))
        {
            RecordUnchanged(connection, snapshot, location, deviations, writes);
            return ReceiveResult.Unchanged() with { Findings = deviations };
        }
        var details = OcpiLocationMapping.ToDetails(location);
        var existing = await lookups.ChargeLocationAsync(details, ct);
        if (snapshot is not null && existing is not null && ListsFewerEvses(existing, location))
        {
            // Rare: an EVSE we held is gone from the CPO's list, so it is added back as REMOVED.
            var stored = JsonNode.Parse(snapshot.RawJson)!.AsObject();
            var merged = KeepMissingAsRemoved(JsonNode.Parse(utf8.Span)!.AsObject(), stored);
            if (JsonNode.DeepEquals(merged, stored))
            {
                RecordUnchanged(connection, snapshot, location, deviations, writes);
                return ReceiveResult.Unchanged() with { Findings = deviations };
            }
            utf8 = Encoding.UTF8.GetBytes(merged.ToJsonString());
            location = merged.Deserialize<Wire.Location>(OcpiJson.Options)!;
            details = OcpiLocationMapping.ToDetails(location);
        }
        return await StoreAsync(connection, target.SourceId, snapshot, location, details, existing, Encoding.UTF8.GetString(utf8.Span), utf8, created: snapshot is null, deviations, lookups, source, writes, ct);
    }

    public static ReceiveResult WrongParty(LocationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var party = $"{target.CountryCode}*{target.PartyId}";
        return ReceiveResult.Refused(ReceiveOutcome.WrongParty, $"{party} is not the party of this connection") with
        {
            Findings = [new OcpiFinding(OcpiRules.OtherParty, OcpiSeverity.Unusable, "party_id", OcpiFinding.Clip(party), $"{party} is not the party of this connection")],
        };
    }

    /// <summary>
    /// An object that came again as it was: its open findings were seen again (one statement for the page).
    /// Only when the flaws differ from what is recorded (findings recorded before the rules changed) are they
    /// recorded in full.
    /// </summary>
    private void RecordUnchanged(OcpiConnection connection, OcpiLocationSnapshot snapshot, Wire.Location location, IReadOnlyList<OcpiFinding> deviations, LocationWrites writes)
    {
        if (deviations.Count == 0 && snapshot.OpenFindings == 0)
            return;
        var flaws = ObjectFlaw.Of(location, deviations);
        if (flaws.Count > 0 && flaws.Count == snapshot.OpenFindings)
        {
            writes.SeenAgain(connection.Id, snapshot.LocationSourceId, clock.GetUtcNow().UtcDateTime);
            return;
        }
        writes.Findings(connection.Id, snapshot.LocationSourceId, location.Id, flaws, clock.GetUtcNow().UtcDateTime);
        snapshot.RecordFindings(flaws.Count);
    }

    /// <summary>
    /// The last step of both ways: a validated, full Location and its JSON become the charge location,
    /// the snapshot and a status event per EVSE observation new to us.
    /// </summary>
    public Task<ReceiveResult> StoreAsync(
        OcpiConnection connection, string sourceId, OcpiLocationSnapshot? snapshot, Wire.Location location, ChargeLocationDetails details, ChargeLocation? existing,
        string json, bool created, IReadOnlyList<OcpiFinding> deviations, ILocationLookups lookups, EvseStatusSource source, LocationWrites writes, CancellationToken ct) =>
        StoreAsync(connection, sourceId, snapshot, location, details, existing, json, default, created, deviations, lookups, source, writes, ct);

    /// <summary>As above, with the JSON's UTF-8 bytes when the caller has them already (a pulled object's slice of its page).</summary>
    private async Task<ReceiveResult> StoreAsync(
        OcpiConnection connection, string sourceId, OcpiLocationSnapshot? snapshot, Wire.Location location, ChargeLocationDetails details, ChargeLocation? existing,
        string json, ReadOnlyMemory<byte> utf8, bool created, IReadOnlyList<OcpiFinding> deviations, ILocationLookups lookups, EvseStatusSource source, LocationWrites writes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(writes);
        var municipality = await lookups.MunicipalityContainingAsync(details.Position, existing?.MunicipalityId, ct);
        if (municipality is null)
            return ReceiveResult.Invalid($"the location at {location.Coordinates.Latitude}, {location.Coordinates.Longitude} lies outside every municipality of the portal",
                OcpiRules.OutsideMunicipalities, "coordinates", $"{location.Coordinates.Latitude}, {location.Coordinates.Longitude}");

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var inArea = details with { Area = municipality.Boundary.AcceptedArea(municipality.Name) };
            if (existing is null)
            {
                existing = ChargeLocation.Register(municipality.Id, inArea, now);
                writes.Added(existing);
                lookups.Added(existing);
            }
            else
            {
                existing.Apply(inArea, now);
            }
        }
        catch (DomainRuleViolated e)
        {
            return ReceiveResult.Invalid(e.Message, OcpiRules.RuleViolated, "", e.Message);
        }

        if (existing.OperatorId is null && await OperatorOfAsync(details.OperatorPartyId, ct) is { } operatorId)
            existing.LinkOperator(operatorId);
        await AddStatusEventsAsync(sourceId, location, utf8.IsEmpty ? Encoding.UTF8.GetBytes(json) : utf8, now, source, lookups, writes, ct);
        if (snapshot is null)
        {
            snapshot = OcpiLocationSnapshot.Create(sourceId, connection.Id);
            writes.Added(snapshot);
            lookups.Added(snapshot);
        }
        snapshot.Replace(json, location.LastUpdated ?? now, now);
        if (deviations.Count > 0 || snapshot.OpenFindings > 0)
        {
            var flaws = ObjectFlaw.Of(location, deviations);
            writes.Findings(connection.Id, sourceId, location.Id, flaws, now);
            snapshot.RecordFindings(flaws.Count);
        }
        return ReceiveResult.Stored(created ? ReceiveOutcome.Created : ReceiveOutcome.Updated, deviations);
    }

    /// <summary>The key of a read Location, or null without country_code, party_id and id.</summary>
    public static LocationTarget? TargetOf(Wire.Location? location) =>
        location is { CountryCode: { Length: > 0 } country, PartyId: { Length: > 0 } party, Id: { Length: > 0 } id } ? new LocationTarget(country, party, id) : null;

    /// <summary>Whether the object's UTF-8 JSON is the stored snapshot's text, compared without decoding either.</summary>
    private static bool SameJson(ReadOnlySpan<byte> utf8, string stored)
    {
        if (utf8.Length < stored.Length || utf8.Length > stored.Length * 3)
            return false;
        var length = Encoding.UTF8.GetByteCount(stored);
        if (length != utf8.Length)
            return false;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return utf8.SequenceEqual(buffer.AsSpan(0, Encoding.UTF8.GetBytes(stored, buffer)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ListsFewerEvses(ChargeLocation existing, Wire.Location pulled)
    {
        if (existing.Evses.Count == 0)
            return false;
        var listed = (pulled.Evses ?? []).Select(e => e.Uid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return existing.Evses.Any(e => !listed.Contains(e.Uid));
    }

    /// <summary>A pulled Location lists all its EVSEs: ones we held that it leaves out are added back as REMOVED.</summary>
    private static JsonObject KeepMissingAsRemoved(JsonObject pulled, JsonObject stored)
    {
        var storedEvses = (stored["evses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var listed = (pulled["evses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => Text(e["uid"])).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = storedEvses.Where(e => Text(e["uid"]) is { } uid && !listed.Contains(uid)).ToList();
        if (missing.Count == 0)
            return pulled;
        var evses = pulled["evses"] as JsonArray ?? [];
        pulled["evses"] = evses;
        foreach (var evse in missing)
        {
            var removed = evse.DeepClone().AsObject();
            if (Text(removed["status"]) != "REMOVED")
            {
                removed["status"] = "REMOVED";
                if (pulled["last_updated"] is { } when)
                    removed["last_updated"] = when.DeepClone();
            }
            evses.Add(removed);
        }
        return pulled;
    }

    internal static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } text ? text : null;

    private async Task<Guid?> OperatorOfAsync(string? partyId, CancellationToken ct)
    {
        if (partyId is not null && _operators.TryGetValue(partyId, out var known))
            return known;
        Guid? found = null;
        try
        {
            var party = OcpiPartyId.Parse(partyId);
            found = await db.Operators.Where(o => o.PartyId == party).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        }
        catch (DomainRuleViolated)
        {
        }
        if (partyId is not null)
            _operators[partyId] = found;
        return found;
    }

    /// <summary>
    /// One event per EVSE whose (status, last_updated) is new to us: a repeat of the latest
    /// observation, or one older than it, adds nothing.
    /// </summary>
    private static async Task AddStatusEventsAsync(string sourceId, Wire.Location location, ReadOnlyMemory<byte> json, DateTime now, EvseStatusSource source, ILocationLookups lookups, LocationWrites writes, CancellationToken ct)
    {
        var evses = location.Evses ?? [];
        if (evses.Count == 0)
            return;
        // Only the latest event per EVSE decides, and it matters only when it is not older than the
        // observation; so events before the oldest pushed observation need not be read at all.
        var oldest = evses.Min(e => e.LastUpdated ?? location.LastUpdated ?? now);
        var latest = await lookups.LatestEventsAsync(sourceId, oldest, ct);
        List<(string Hash, string Json)>? versions = null;
        for (var i = 0; i < evses.Count; i++)
        {
            var evse = evses[i];
            var occurred = evse.LastUpdated ?? location.LastUpdated ?? now;
            if (latest.TryGetValue(evse.Uid, out var last)
                && (occurred < last.OccurredAtUtc || (occurred == last.OccurredAtUtc && last.Status == evse.Status)))
                continue;
            versions ??= OcpiEvseVersion.Of(json.Span);
            var (hash, versionJson) = versions[i];
            writes.Add(EvseStatusEvent.Observe(sourceId, evse.Uid, evse.Status, occurred, now, source, hash), versionJson);
            latest[evse.Uid] = new LatestEvent(evse.Status, occurred);
        }
    }
}
