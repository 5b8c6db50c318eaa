using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// Pulls one module from one CPO's sender interface, page by page (offset/limit, Link rel="next",
/// X-Total-Count, X-Limit), and stores what it gets. Incremental pulls ask for the window since the
/// last completed pull; a full pull asks for everything and retires the locations it did not list.
/// Every pull is recorded as an <see cref="OcpiPullRun"/>; nothing escapes as an exception except
/// cancellation, so a scheduler calling this keeps running.
/// </summary>
public sealed class OcpiPuller(
    PortalDbContext db,
    OcpiClient client,
    OcpiPartners partners,
    LocationReceiver receiver,
    IOptions<OcpiClientOptions> options,
    TimeProvider clock,
    ILogger<OcpiPuller> logger)
{
    /// <summary>Sessions require date_from (NOTES 5.1); a full pull asks from here.</summary>
    private static readonly DateTime Beginning = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Logged (Debug) after every stored page, when the change tracker is empty again.</summary>
    public static readonly EventId PageStored = new(4101, nameof(PageStored));

    private const int MaxPages = 100_000;
    private const int ReconcileBatch = 200;

    /// <summary>One pull per connection and module at a time in this process (a job and "pull now" can meet).</summary>
    private static readonly ConcurrentDictionary<(Guid, OcpiModule), SemaphoreSlim> Running = new();

    /// <summary>
    /// Pulls every module that every live connection offers as SENDER, one after the other; a failing
    /// connection or module does not stop the rest. This is what a scheduled job calls.
    /// </summary>
    public async Task<IReadOnlyList<PullReport>> PullAllAsync(PullMode mode, CancellationToken ct = default)
    {
        var connectionIds = await db.OcpiConnections.AsNoTracking()
            .Where(c => (c.Status == OcpiConnectionStatus.Connected || c.Status == OcpiConnectionStatus.Failing) && c.PartnerTokenProtected != null)
            .Select(c => c.Id).ToListAsync(ct);
        var reports = new List<PullReport>();
        foreach (var connectionId in connectionIds)
        {
            foreach (var module in OcpiModules.All)
            {
                try
                {
                    reports.Add(await PullAsync(connectionId, module, mode, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Even recording the run failed (e.g. the database is away): note it and go on.
                    logger.LogError(e, "Pulling {Module} from connection {Connection} failed outright", module, connectionId);
                    reports.Add(new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, e.Message, null));
                }
            }
        }
        return reports;
    }

    public async Task<PullReport> PullAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct = default)
    {
        var gate = Running.GetOrAdd((connectionId, module), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
            return new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, "a pull of this module is running already", null);
        try
        {
            return await PullCoreAsync(connectionId, module, mode, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PullReport> PullCoreAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var connection = await db.OcpiConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null)
            return new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, "unknown connection", null);

        var started = clock.GetUtcNow().UtcDateTime;
        // One pull of a module runs at a time (on every node: the job holds a lock per connection), so a run
        // still marked running was left by a node that stopped mid-pull. This pull takes over from the checkpoint.
        var leftBehind = await db.OcpiPullRuns.Where(r => r.ConnectionId == connectionId && r.Module == module && r.Outcome == PullOutcome.Running).ToListAsync(ct);
        foreach (var left in leftBehind)
            left.Fail(OcpiPullRun.LeftBehind, null, started);
        var run = OcpiPullRun.Begin(connectionId, module, mode, started);
        db.OcpiPullRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var pages = 0;
        var objects = 0;
        var refused = new List<string>();
        try
        {
            if (connection.Status == OcpiConnectionStatus.Revoked || partners.PartnerToken(connection) is not { } token)
                return await FinishAsync(run, PullOutcome.Failed, "this connection has no credentials to call the CPO with", null, pages, objects, ct);

            var endpoint = await partners.EndpointAsync(connectionId, module.Identifier(), "SENDER", ct);
            if (endpoint is null && connection.DiscoveredAtUtc is null)
            {
                var discovered = await partners.TestAsync(connectionId, ct);
                if (!discovered.Succeeded)
                    return await FinishAsync(run, PullOutcome.Failed, discovered.Error!, discovered.RequestId, pages, objects, ct);
                endpoint = await partners.EndpointAsync(connectionId, module.Identifier(), "SENDER", ct);
            }
            if (endpoint is null)
                return await FinishAsync(run, PullOutcome.NotOffered, $"the CPO offers no {module.Identifier()} SENDER interface", null, pages, objects, ct);

            var checkpoint = await db.OcpiPullCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.Module == module, ct);
            var dateFrom = mode == PullMode.Incremental ? checkpoint?.NextDateFromUtc : null;
            if (dateFrom is null && module == OcpiModule.Sessions)
                dateFrom = Beginning;
            // A full pull asks without date_to: objects changed during the crawl must not look gone.
            DateTime? dateTo = mode == PullMode.Incremental ? started : null;
            var source = mode == PullMode.Full ? EvseStatusSource.FullPull : EvseStatusSource.IncrementalPull;

            DateTime? maxSeen = null;
            int? previousTotal = null;
            var url = FirstPage(endpoint, dateFrom, dateTo, options.Value.PageLimit);
            while (url is not null)
            {
                if (++pages > MaxPages)
                    throw new InvalidOperationException($"more than {MaxPages} pages: the CPO's paging does not end");
                var page = await client.GetPageAsync(connectionId, url, token, ct);
                var items = Items(page);
                var stored = module switch
                {
                    OcpiModule.Locations => await StoreLocationsAsync(connection, items, source, mode, started, ct),
                    OcpiModule.Sessions => await StoreSessionsAsync(connectionId, items, ct),
                    OcpiModule.Cdrs => await StoreCdrsAsync(connectionId, items, ct),
                    OcpiModule.Tariffs => await StoreTariffsAsync(connectionId, items, ct),
                    _ => throw new ArgumentOutOfRangeException(nameof(module)),
                };
                db.ChangeTracker.Clear();
                objects += items.Count;
                if (stored.MaxLastUpdated is { } seen && (maxSeen is null || seen > maxSeen))
                    maxSeen = seen;
                if (refused.Count < 5)
                    refused.AddRange(stored.Refused.Take(5 - refused.Count));
                await db.OcpiPullRuns.Where(r => r.Id == run.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Pages, pages).SetProperty(r => r.Objects, objects), ct);
                logger.LogDebug(PageStored, "Stored page {Page} of {Module} from connection {Connection}: {Objects} objects so far", pages, module, connectionId, objects);

                url = NextPage(url, page, items.Count, ref previousTotal);
            }

            if (mode == PullMode.Full && module == OcpiModule.Locations)
                await RetireUnlistedAsync(connection, started, ct);

            db.ChangeTracker.Clear();
            checkpoint = await db.OcpiPullCheckpoints.FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.Module == module, ct);
            if (checkpoint is null)
            {
                checkpoint = OcpiPullCheckpoint.Start(connectionId, module);
                db.OcpiPullCheckpoints.Add(checkpoint);
            }
            checkpoint.Complete(mode, started, maxSeen, clock.GetUtcNow().UtcDateTime);
            var tracked = await db.OcpiConnections.FirstAsync(c => c.Id == connectionId, ct);
            tracked.MarkPartnerReachable(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            var note = refused.Count == 0 ? null : $"refused: {string.Join("; ", refused)}";
            return await FinishAsync(run, PullOutcome.Succeeded, note, null, pages, objects, ct);
        }
        catch (OcpiCallException e)
        {
            logger.LogWarning(e, "Pulling {Module} from connection {Connection} failed (request {RequestId})", module, connectionId, e.RequestId);
            db.ChangeTracker.Clear();
            var tracked = await db.OcpiConnections.FirstAsync(c => c.Id == connectionId, CancellationToken.None);
            await partners.RecordFailureAsync(tracked, e, CancellationToken.None);
            return await FinishAsync(run, PullOutcome.Failed, e.Message, e.RequestId, pages, objects, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Pulling {Module} from connection {Connection} failed", module, connectionId);
            db.ChangeTracker.Clear();
            return await FinishAsync(run, PullOutcome.Failed, e.Message, null, pages, objects, CancellationToken.None);
        }
    }

    private async Task<PullReport> FinishAsync(OcpiPullRun run, PullOutcome outcome, string? message, string? requestId, int pages, int objects, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tracked = await db.OcpiPullRuns.FirstAsync(r => r.Id == run.Id, ct);
        tracked.Progress(pages, objects);
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome == PullOutcome.Succeeded)
        {
            tracked.Succeed(now);
            if (message is not null)
                tracked.Note(message);
        }
        else
        {
            tracked.Fail(message ?? "failed", requestId, now, outcome);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new PullReport(run.ConnectionId, run.Module, run.Mode, outcome, pages, objects, message, requestId);
    }

    private static string FirstPage(string endpoint, DateTime? dateFrom, DateTime? dateTo, int limit)
    {
        var query = new Dictionary<string, string?>();
        if (dateFrom is { } from)
            query["date_from"] = OcpiJson.FormatDateTime(from);
        if (dateTo is { } to)
            query["date_to"] = OcpiJson.FormatDateTime(to);
        query["offset"] = "0";
        query["limit"] = limit.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(endpoint, query);
    }

    /// <summary>
    /// The next page: Link rel="next" when given. When X-Total-Count shrank, objects before our offset left
    /// the window, so the same offset minus the shrink is read again first (repeats are stored once).
    /// Without Link, a server that still reports more objects than we have read is asked for the rest.
    /// </summary>
    internal static string? NextPage(string current, OcpiPage page, int count, ref int? previousTotal)
    {
        var offset = Offset(current);
        if (previousTotal is { } before && page.TotalCount is { } total && total < before && offset is > 0)
        {
            previousTotal = total;
            return WithOffset(current, Math.Max(0, offset.Value - (before - total)));
        }
        previousTotal = page.TotalCount ?? previousTotal;
        if (page.NextUrl is { } next)
        {
            // The next page is on the same server: a Link elsewhere would make us send the CPO's token there.
            var here = new Uri(current);
            if (!Uri.TryCreate(here, next, out var uri) || uri.Scheme != here.Scheme || !string.Equals(uri.Authority, here.Authority, StringComparison.OrdinalIgnoreCase))
                throw new OcpiCallException(OcpiCallFailure.InvalidResponse, $"the Link to the next page ({next}) leaves the CPO's server", page.RequestId);
            return uri.ToString();
        }
        if (page.TotalCount is { } all && offset is { } at && count > 0 && at + count < all)
            return WithOffset(current, at + count);
        return null;
    }

    private static int? Offset(string url)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        return query.TryGetValue("offset", out var value) && int.TryParse(value.ToString(), CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    private static string WithOffset(string url, int offset)
    {
        var uri = new Uri(url);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["offset"] = offset.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query);
    }

    /// <summary>The page's data array; an envelope without success status fails the pull.</summary>
    internal static List<JsonObject> Items(OcpiPage page)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(page.Body);
        }
        catch (JsonException e)
        {
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, $"the page is not valid JSON: {e.Message}", page.RequestId, inner: e);
        }
        var status = root?["status_code"] is JsonValue code && code.TryGetValue<int>(out var value) ? value : (int?)null;
        if (status is not (>= 1000 and < 2000))
            throw new OcpiCallException(OcpiCallFailure.OcpiStatus, $"OCPI status {status}: {root?["status_message"]}", page.RequestId, ocpiStatus: status);
        return root!["data"] is JsonArray data ? data.OfType<JsonObject>().ToList() : [];
    }

    private async Task<Stored> StoreLocationsAsync(OcpiConnection connection, List<JsonObject> items, EvseStatusSource source, PullMode mode, DateTime started, CancellationToken ct)
    {
        var refused = new List<string>();
        DateTime? maxSeen = null;
        var listed = new List<string>(items.Count);
        var results = await receiver.ReceivePulledPageAsync(connection, items, source, ct);
        foreach (var (item, result) in items.Zip(results))
        {
            if (!result.IsAccepted)
                refused.Add($"location {item["id"]}: {result.Message}");
            maxSeen = Max(maxSeen, item["last_updated"]);
            if (item["country_code"] is JsonValue cc && item["party_id"] is JsonValue party && item["id"] is JsonValue id)
                listed.Add(new LocationTarget(cc.ToString(), party.ToString(), id.ToString()).SourceId);
        }
        if (mode == PullMode.Full && listed.Count > 0)
        {
            await db.OcpiLocationSnapshots.Where(s => listed.Contains(s.LocationSourceId))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastListedAtUtc, started), ct);
        }
        return new Stored(maxSeen, refused);
    }

    /// <summary>Locations of this connection that the completed full pull did not list: their EVSEs become REMOVED.</summary>
    private async Task RetireUnlistedAsync(OcpiConnection connection, DateTime started, CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var batch = await db.OcpiLocationSnapshots.AsNoTracking()
                .Where(s => s.ConnectionId == connection.Id && (s.LastListedAtUtc == null || s.LastListedAtUtc < started) && string.Compare(s.LocationSourceId, after) > 0)
                .OrderBy(s => s.LocationSourceId).Select(s => s.LocationSourceId).Take(ReconcileBatch).ToListAsync(ct);
            foreach (var sourceId in batch)
                await receiver.RetireUnlistedAsync(connection, sourceId, started, ct);
            db.ChangeTracker.Clear();
            if (batch.Count < ReconcileBatch)
                return;
            after = batch[^1];
        }
    }

    private async Task<Stored> StoreSessionsAsync(Guid connectionId, List<JsonObject> items, CancellationToken ct)
    {
        var refused = new List<string>();
        var parsed = Parse<Contracts.Session>(items, s => (s.CountryCode, s.PartyId, s.Id), s => s.LastUpdated, refused);
        var keys = parsed.Select(p => p.Key).Distinct().ToList();
        var existing = await db.OcpiSessions.Where(s => s.ConnectionId == connectionId && keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, session, lastUpdated, node) in parsed)
        {
            if (existing.TryGetValue(key, out var record) && record.LastUpdatedUtc >= lastUpdated)
                continue;   // older or the same: out-of-order and repeated updates change nothing
            if (record is null)
            {
                record = OcpiSessionRecord.Create(connectionId, key);
                db.OcpiSessions.Add(record);
                existing[key] = record;
            }
            record.Apply(session, node["charging_periods"]?.ToJsonString() ?? "[]", lastUpdated, now);
        }
        await db.SaveChangesAsync(ct);
        return new Stored(parsed.Count == 0 ? null : parsed.Max(p => p.LastUpdated), refused);
    }

    private async Task<Stored> StoreCdrsAsync(Guid connectionId, List<JsonObject> items, CancellationToken ct)
    {
        var refused = new List<string>();
        var parsed = Parse<Contracts.Cdr>(items, c => (c.CountryCode, c.PartyId, c.Id), c => c.LastUpdated, refused);
        var keys = parsed.Select(p => p.Key).Distinct().ToList();
        var existing = await db.OcpiCdrs.Where(c => c.ConnectionId == connectionId && keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, cdr, lastUpdated, node) in parsed)
        {
            if (existing.TryGetValue(key, out var record) && record.LastUpdatedUtc >= lastUpdated)
                continue;
            if (record is null)
            {
                record = OcpiCdrRecord.Create(connectionId, key);
                db.OcpiCdrs.Add(record);
                existing[key] = record;
            }
            record.Apply(cdr, node["charging_periods"]?.ToJsonString() ?? "[]", lastUpdated, now);
        }
        await db.SaveChangesAsync(ct);
        return new Stored(parsed.Count == 0 ? null : parsed.Max(p => p.LastUpdated), refused);
    }

    private async Task<Stored> StoreTariffsAsync(Guid connectionId, List<JsonObject> items, CancellationToken ct)
    {
        var refused = new List<string>();
        var parsed = Parse<Contracts.Tariff>(items, t => (t.CountryCode, t.PartyId, t.Id), t => t.LastUpdated, refused);
        var keys = parsed.Select(p => p.Key).Distinct().ToList();
        var known = (await db.OcpiTariffVersions.AsNoTracking().Where(t => t.ConnectionId == connectionId && keys.Contains(t.Key))
            .Select(t => new { t.Key, t.LastUpdatedUtc }).ToListAsync(ct))
            .Select(t => (t.Key, t.LastUpdatedUtc)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, tariff, lastUpdated, node) in parsed)
        {
            // Every version is kept; the same version twice is stored once.
            if (known.Add((key, lastUpdated)))
                db.OcpiTariffVersions.Add(OcpiTariffVersion.Create(connectionId, key, tariff, lastUpdated, node.ToJsonString(), now));
        }
        await db.SaveChangesAsync(ct);
        return new Stored(parsed.Count == 0 ? null : parsed.Max(p => p.LastUpdated), refused);
    }

    /// <summary>
    /// Typed objects with their key (country*party*id in upper case: ids are CiStrings, unique per party) and
    /// last_updated; the rest is refused (named in the run) rather than failing the page.
    /// </summary>
    private static List<(string Key, T Value, DateTime LastUpdated, JsonObject Node)> Parse<T>(
        List<JsonObject> items, Func<T, (string? CountryCode, string? PartyId, string? Id)> id, Func<T, DateTime?> lastUpdated, List<string> refused)
    {
        var parsed = new List<(string, T, DateTime, JsonObject)>(items.Count);
        foreach (var item in items)
        {
            try
            {
                var value = item.Deserialize<T>(OcpiJson.Options);
                if (value is null || id(value) is not ({ Length: > 0 } country, { Length: > 0 } party, { Length: > 0 } objectId) || lastUpdated(value) is not { } updated)
                {
                    refused.Add($"{item["id"]}: country_code, party_id, id and last_updated are required");
                    continue;
                }
                parsed.Add(($"{country}*{party}*{objectId}".ToUpperInvariant(), value, updated, item));
            }
            catch (JsonException e)
            {
                refused.Add($"{item["id"]}: {e.Message}");
            }
        }
        return parsed;
    }

    private static DateTime? Max(DateTime? current, JsonNode? lastUpdated) =>
        lastUpdated is JsonValue value && value.TryGetValue<string>(out var text) && OcpiJson.TryParseDateTime(text, out var utc) && (current is null || utc > current)
            ? utc
            : current;

    private sealed record Stored(DateTime? MaxLastUpdated, IReadOnlyList<string> Refused);
}

/// <summary>What one pull came to.</summary>
public sealed record PullReport(Guid ConnectionId, OcpiModule Module, PullMode Mode, PullOutcome Outcome, int Pages, int Objects, string? Message, string? FailedRequestId);
