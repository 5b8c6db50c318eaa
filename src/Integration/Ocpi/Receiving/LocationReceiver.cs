using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The Locations receiver: takes a pushed Location, EVSE or Connector (PUT replaces, PATCH merges),
/// merges it into the last full Location we hold (<see cref="OcpiLocationSnapshot"/>), and hands the
/// result to <see cref="LocationPipeline"/>, the same way a pulled page goes
/// (<see cref="ReceivePulledPageAsync"/>). Older and repeated pushes change nothing. A location that an
/// import (NDW) already brought in under the same OCPI party and location id is updated in place, so
/// the map never shows it twice; the party's registered operator is linked.
/// </summary>
public sealed class LocationReceiver(PortalDbContext db, LocationPipeline pipeline, ChargeLocationChanges changes, EvseStatusPatchWriter statusPatches)
{
    public Task<ReceiveResult> PutAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, CancellationToken ct = default) =>
        ReceiveAsync(connection, target, body, patch: false, EvseStatusSource.Push, strict: null, ct);

    public Task<ReceiveResult> PatchAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, CancellationToken ct = default) =>
        ReceiveAsync(connection, target, body, patch: true, EvseStatusSource.Push, strict: null, ct);

    /// <summary>
    /// Stores a page of pulled Locations through the pipeline, one result per location in order, and saves
    /// the page as one. The caller raises the change notification, and clears the change tracker afterwards
    /// to keep memory bounded. For a full pull, <c>listedAtUtc</c> is when it started: the snapshots this page
    /// creates are stored as listed then.
    /// </summary>
    public async Task<IReadOnlyList<ReceiveResult>> ReceivePulledPageAsync(OcpiConnection connection, IReadOnlyList<OcpiObject<Wire.Location>> locations, EvseStatusSource source, CancellationToken ct = default, DateTime? listedAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var targets = locations.Select(l => LocationPipeline.TargetOf(l.Value)).ToList();
        var lookups = await pipeline.ForPageAsync(targets.OfType<LocationTarget>().Select(t => t.SourceId).ToHashSet(StringComparer.Ordinal), ct);
        var writes = new LocationWrites { ListedAtUtc = listedAtUtc };
        var results = new List<ReceiveResult>(locations.Count);
        for (var i = 0; i < locations.Count; i++)
            results.Add(await pipeline.StorePulledAsync(connection, locations[i], targets[i], lookups, source, writes, ct));
        await writes.SaveAsync(db, ct);
        return results;
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
            if (LocationPipeline.Text(evse["status"]) == "REMOVED")
                continue;
            evse["status"] = "REMOVED";
            evse["last_updated"] = stamp;
            changed = true;
        }
        if (!changed)
            return ReceiveResult.Unchanged();
        if (LastUpdated(location["last_updated"]) is not { } own || own < asOfUtc)
            location["last_updated"] = stamp;
        var target = new LocationTarget(LocationPipeline.Text(location["country_code"]) ?? "", LocationPipeline.Text(location["party_id"]) ?? "", LocationPipeline.Text(location["id"]) ?? "");
        // Our own snapshot, stored when it passed: a connection made strict since then must not keep it from retiring.
        return await ReceiveAsync(connection, target, location, patch: false, EvseStatusSource.FullPull, strict: false, ct);
    }

    private async Task<ReceiveResult> ReceiveAsync(OcpiConnection connection, LocationTarget target, JsonNode? body, bool patch, EvseStatusSource source, bool? strict, CancellationToken ct)
    {
        if (!connection.IsParty(target.CountryCode, target.PartyId))
            return LocationPipeline.WrongParty(target);
        if (body is not JsonObject pushed)
            return ReceiveResult.Invalid("the body must be a JSON object");
        if (patch && !pushed.ContainsKey("last_updated"))
            return ReceiveResult.Invalid("last_updated: is required in a PATCH");
        if (patch && await statusPatches.TryStoreAsync(target, pushed, ct) is { } statusOnly)
        {
            if (statusOnly.Outcome == ReceiveOutcome.Updated)
                changes.Raise();
            return statusOnly;
        }

        var lookups = pipeline.PerObject();
        var sourceId = target.SourceId;
        var snapshot = await lookups.SnapshotAsync(sourceId, ct);
        var stored = snapshot is null ? null : JsonNode.Parse(snapshot.RawJson)!.AsObject();
        var strictly = strict ?? connection.StrictValidation;
        var merge = target switch
        {
            { EvseUid: null } => MergeLocation(target, stored, pushed, patch, strictly),
            { ConnectorId: null } => MergeEvse(target, stored, pushed, patch, strictly),
            _ => MergeConnector(target, stored, pushed, patch, strictly),
        };
        if (merge.Result is not null)
            return merge.Result;
        var merged = merge.Location!;
        if (stored is not null && JsonNode.DeepEquals(merged, stored))
            return ReceiveResult.Unchanged();

        // Read once: a PUT of a whole Location was read (and validated) by its merge; a part was validated
        // on its own there (whether to refuse it), and the whole is checked only for its findings.
        var location = merge.Read;
        var validation = merge.Validation;
        if (location is null)
        {
            try
            {
                location = merged.Deserialize<Wire.Location>(OcpiJson.Options)!;
            }
            catch (JsonException e)
            {
                return ReceiveResult.Invalid(OcpiPageReader.Describe(e));
            }
            validation = OcpiValidator.CheckLocation(location);
            if (merge.ValidateWhole && validation.Refuses(strictly))
                return ReceiveResult.Invalid(validation.Reasons(strictly));
        }

        var details = OcpiLocationMapping.ToDetails(location);
        var existing = await lookups.ChargeLocationAsync(details, ct);
        var writes = new LocationWrites();
        var result = await pipeline.StoreAsync(connection, sourceId, snapshot, location, details, existing, merged.ToJsonString(), merge.Created, validation!.Deviations, lookups, source, writes, ct);
        if (!result.IsAccepted)
            return result;
        await SaveAsync(writes, ct);
        changes.Raise();
        return result;
    }

    private Task SaveAsync(LocationWrites writes, CancellationToken ct) =>
        WriterTurn.TakeAsync(db, async () =>
        {
            await writes.SaveAsync(db, ct);
            return true;
        });

    private static Merge MergeLocation(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch, bool strict)
    {
        if ((Mismatch(pushed, "country_code", target.CountryCode) ?? Mismatch(pushed, "party_id", target.PartyId) ?? Mismatch(pushed, "id", target.LocationId)) is { } mismatch)
            return Merge.Fail(ReceiveResult.Invalid(mismatch));
        if (patch && stored is null)
            return Merge.Fail(ReceiveResult.Refused(ReceiveOutcome.UnknownLocation, $"location {target.LocationId} is unknown; PUT it first"));
        if (IsOlder(pushed, stored))
            return Merge.Fail(ReceiveResult.Ignored());

        if (patch)
        {
            var merged = stored!.DeepClone().AsObject();
            MergeFields(merged, pushed);
            return Merge.To(merged, created: false, validateWhole: true);
        }
        var (read, validation, refusal) = Read<Wire.Location>(pushed, OcpiValidator.CheckLocation, strict);
        if (refusal is not null)
            return Merge.Fail(refusal);
        return Merge.To(pushed, created: stored is null, read: read, validation: validation);
    }

    private static Merge MergeEvse(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch, bool strict)
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
        var (_, _, refusal) = Read<Wire.Evse>(evse, OcpiValidator.CheckEvse, strict);
        if (refusal is not null)
            return Merge.Fail(refusal);

        Replace(evses, existing, evse);
        Propagate(merged, evse["last_updated"]);
        return Merge.To(merged, created: existing is null);
    }

    private static Merge MergeConnector(LocationTarget target, JsonObject? stored, JsonObject pushed, bool patch, bool strict)
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
        var (_, _, refusal) = Read<Wire.Connector>(connector, OcpiValidator.CheckConnector, strict);
        if (refusal is not null)
            return Merge.Fail(refusal);

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

    /// <summary>The object read and checked; a refusal when it does not read or the validator refuses it on this connection.</summary>
    private static (T? Read, OcpiValidation? Validation, ReceiveResult? Refusal) Read<T>(JsonObject node, Func<T, OcpiValidation> validate, bool strict)
        where T : class
    {
        try
        {
            var read = node.Deserialize<T>(OcpiJson.Options)!;
            var validation = validate(read);
            return (read, validation, validation.Refuses(strict) ? ReceiveResult.Invalid(validation.Reasons(strict)) : null);
        }
        catch (JsonException e)
        {
            return (null, null, ReceiveResult.Invalid(OcpiPageReader.Describe(e)));
        }
    }

    /// <summary>
    /// The merged Location; <see cref="Read"/> (with its <see cref="Validation"/>) when it was read already,
    /// <see cref="ValidateWhole"/> when only the whole can be checked.
    /// </summary>
    private sealed record Merge(JsonObject? Location, bool Created, ReceiveResult? Result, Wire.Location? Read = null, bool ValidateWhole = false, OcpiValidation? Validation = null)
    {
        public static Merge To(JsonObject location, bool created, Wire.Location? read = null, bool validateWhole = false, OcpiValidation? validation = null) =>
            new(location, created, null, read, validateWhole, validation);

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
    /// <summary>
    /// A refused object: why (the unusable findings, or all on a strict connection; one finding for a
    /// refusal that is not the validator's). A stored one: the deviations it was stored with.
    /// </summary>
    public IReadOnlyList<OcpiFinding> Findings { get; init; } = [];

    public bool IsAccepted => Outcome is ReceiveOutcome.Created or ReceiveOutcome.Updated or ReceiveOutcome.Unchanged or ReceiveOutcome.IgnoredAsOlder;

    /// <summary>Accepted with deviations from OCPI (recorded as data-quality findings).</summary>
    public bool IsFlagged => IsAccepted && Findings.Count > 0;

    public static ReceiveResult Stored(ReceiveOutcome outcome) => new(outcome, null);

    /// <summary>Stored with deviations: the CPO hears of them in the answer's message.</summary>
    public static ReceiveResult Stored(ReceiveOutcome outcome, IReadOnlyList<OcpiFinding> deviations) =>
        deviations.Count == 0 ? Stored(outcome) : new(outcome, $"stored with deviations from OCPI 2.2.1: {OcpiValidation.Describe(deviations)}") { Findings = deviations };

    public static ReceiveResult Unchanged() => new(ReceiveOutcome.Unchanged, "no change");

    public static ReceiveResult Ignored() => new(ReceiveOutcome.IgnoredAsOlder, "older than what is stored (last_updated); ignored");

    public static ReceiveResult Invalid(string message) => new(ReceiveOutcome.Invalid, message);

    /// <summary>Refused for a reason of the receiver's own (<see cref="OcpiRules"/>), not the validator's.</summary>
    public static ReceiveResult Invalid(string message, string rule, string path, string? value) =>
        new(ReceiveOutcome.Invalid, message) { Findings = [new OcpiFinding(rule, OcpiSeverity.Unusable, path, OcpiFinding.Clip(value), message)] };

    /// <summary>Refused by the validator: the reasons, in the message as "path: message; …".</summary>
    public static ReceiveResult Invalid(IReadOnlyList<OcpiFinding> reasons) =>
        new(ReceiveOutcome.Invalid, OcpiValidation.Describe(reasons)) { Findings = reasons };

    public static ReceiveResult Refused(ReceiveOutcome outcome, string message) => new(outcome, message);
}
