using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;

namespace Portal.Features.Admin;

/// <summary>
/// The OCPI connections for the admin: the list (searched, filtered, sorted and paged in the database),
/// one connection in detail (what was discovered, how its pulls went, its health, what the CPO pushed),
/// its pull runs and its charging-profile requests.
/// </summary>
internal sealed class OcpiConnectionQueries(PortalDbContext db, OcpiPartners partners, TimeProvider clock)
{
    public const int RecentRuns = 20;

    /// <summary>
    /// One page of the connections: quick search on name and party ("NL*ABC", "ABC" or part of the
    /// name), optionally one status; newest first unless the grid sorts otherwise.
    /// </summary>
    public async Task<GridPage<OcpiConnectionRow>> ConnectionsAsync(GridQuery grid, OcpiConnectionStatus? status, CancellationToken ct = default)
    {
        var query = db.OcpiConnections.AsNoTracking();
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var name = SearchPattern.Contains(search);
            var party = $"%{SearchPattern.Literal(search.ToUpperInvariant())}%";
            query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), name, SearchPattern.Escape) || EF.Functions.Like(c.CountryCode + "*" + c.PartyId, party, SearchPattern.Escape));
        }
#pragma warning restore CA1304
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("name", false) => query.OrderBy(c => c.Name).ThenBy(c => c.Id),
            ("name", true) => query.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            ("partyid", false) => query.OrderBy(c => c.CountryCode).ThenBy(c => c.PartyId).ThenByDescending(c => c.CreatedAtUtc),
            ("partyid", true) => query.OrderByDescending(c => c.CountryCode).ThenByDescending(c => c.PartyId).ThenByDescending(c => c.CreatedAtUtc),
            ("status", false) => query.OrderBy(c => c.Status).ThenBy(c => c.Name),
            ("status", true) => query.OrderByDescending(c => c.Status).ThenBy(c => c.Name),
            // Never reached comes last either way, on SQLite and PostgreSQL alike.
            ("lastreachedatutc", false) => query.OrderBy(c => c.LastReachedAtUtc == null).ThenBy(c => c.LastReachedAtUtc).ThenBy(c => c.Name),
            ("lastreachedatutc", true) => query.OrderBy(c => c.LastReachedAtUtc == null).ThenByDescending(c => c.LastReachedAtUtc).ThenBy(c => c.Name),
            ("createdatutc", false) => query.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(c => new OcpiConnectionRow(c.Id, c.CountryCode, c.PartyId, c.Name, c.Status, c.CreatedAtUtc, c.LastReachedAtUtc))
            .ToListAsync(ct);
        return new GridPage<OcpiConnectionRow>(rows, total);
    }

    /// <summary>The connections whose CPO refuses our token, for the warning above the list.</summary>
    public async Task<IReadOnlyList<OcpiConnectionRow>> FailingAsync(CancellationToken ct = default) =>
        await db.OcpiConnections.AsNoTracking().Where(c => c.Status == OcpiConnectionStatus.Failing)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new OcpiConnectionRow(c.Id, c.CountryCode, c.PartyId, c.Name, c.Status, c.CreatedAtUtc, c.LastReachedAtUtc))
            .ToListAsync(ct);

    /// <summary>One page of a connection's pull runs, newest first, optionally with one outcome only.</summary>
    public async Task<GridPage<OcpiPullRun>> RunsAsync(Guid id, GridQuery grid, PullOutcome? outcome, CancellationToken ct = default)
    {
        var query = db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == id);
        if (outcome is { } wanted)
            query = query.Where(r => r.Outcome == wanted);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
            .Skip(grid.Skip).Take(grid.PageSize).ToListAsync(ct);
        return new GridPage<OcpiPullRun>(rows, total);
    }

    /// <summary>The reasons kept for the first objects a pull run refused, in the order they came.</summary>
    public async Task<IReadOnlyList<OcpiPullRefusal>> RefusalsAsync(Guid id, long runId, CancellationToken ct = default) =>
        await db.OcpiPullRefusals.AsNoTracking()
            .Where(r => r.RunId == runId && db.OcpiPullRuns.Any(run => run.Id == runId && run.ConnectionId == id))
            .OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The connection's open data-quality findings per rule: how many objects, and when last seen; most objects first.</summary>
    public async Task<IReadOnlyList<QualityRuleRow>> QualityAsync(Guid id, CancellationToken ct = default)
    {
        var rows = await db.DataQualityFindings.AsNoTracking().Where(f => f.ConnectionId == id && f.ClearedAtUtc == null)
            .GroupBy(f => f.Rule)
            .Select(g => new { Rule = g.Key, Objects = g.Count(), LastSeen = g.Max(f => f.LastSeenAtUtc) })
            .ToListAsync(ct);
        return rows.Select(r => new QualityRuleRow(r.Rule, r.Objects, r.LastSeen))
            .OrderByDescending(r => r.Objects).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>One page of the objects with an open finding of one rule, by location, EVSE and connector.</summary>
    public async Task<GridPage<DataQualityFinding>> QualityObjectsAsync(Guid id, string rule, GridQuery grid, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var query = db.DataQualityFindings.AsNoTracking().Where(f => f.ConnectionId == id && f.Rule == rule && f.ClearedAtUtc == null);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(f => f.LocationSourceId).ThenBy(f => f.EvseUid).ThenBy(f => f.ConnectorId)
            .Skip(grid.Skip).Take(grid.PageSize).ToListAsync(ct);
        return new GridPage<DataQualityFinding>(rows, total);
    }

    /// <summary>
    /// For audits: per connection and rule, how many objects had a finding at some time in [from, to)
    /// (first seen before the end, and still present or cleared after the start).
    /// </summary>
    public async Task<IReadOnlyList<QualityCount>> QualityCountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var rows = await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.FirstSeenAtUtc < toUtc && (f.ClearedAtUtc == null || f.ClearedAtUtc > fromUtc))
            .GroupBy(f => new { f.ConnectionId, f.Rule })
            .Select(g => new { g.Key.ConnectionId, g.Key.Rule, Objects = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new QualityCount(r.ConnectionId, r.Rule, r.Objects))
            .OrderBy(r => r.ConnectionId).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What the CPO pushed to us (EVSE statuses through the Locations receiver): how many in the last
    /// 24 hours and when the last one came. The events carry the location's source id, CC*PARTY*ID.
    /// </summary>
    public async Task<PushSummary> PushesAsync(Guid id, CancellationToken ct = default)
    {
        var party = await db.OcpiConnections.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.CountryCode, c.PartyId }).FirstOrDefaultAsync(ct);
        if (party is null)
            return new PushSummary(0, null);
        var prefix = $"{party.CountryCode}*{party.PartyId}*";
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var pushes = db.EvseStatusEvents.AsNoTracking().Where(e => e.Source == EvseStatusSource.Push && e.LocationSourceId.StartsWith(prefix));
        return new PushSummary(
            await pushes.CountAsync(e => e.ReceivedAtUtc >= since, ct),
            await pushes.MaxAsync(e => (DateTime?)e.ReceivedAtUtc, ct));
    }

    /// <summary>Everything the connection's page shows except its pull runs (a grid of their own), or null for an unknown id.</summary>
    public async Task<OcpiConnectionView?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } detail)
            return null;
        return new OcpiConnectionView(detail, await PushesAsync(id, ct), await ActiveSessionsAsync(id, ct),
            await ChargingProfileRequestsAsync(id, ct), await ActiveProfileUpdatesAsync(id, ct), await QualityAsync(id, ct));
    }

    public async Task<OcpiConnectionDetail?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
            return null;
        var endpoints = await db.OcpiPartnerEndpoints.AsNoTracking().Where(e => e.ConnectionId == id).ToListAsync(ct);
        var checkpoints = await db.OcpiPullCheckpoints.AsNoTracking().Where(c => c.ConnectionId == id).ToListAsync(ct);
        var modules = OcpiModules.All.Select(m =>
        {
            var checkpoint = checkpoints.FirstOrDefault(c => c.Module == m);
            return new ModuleRow(m, endpoints.FirstOrDefault(e => e.Identifier == m.Identifier() && e.Role == "SENDER")?.Url,
                checkpoint?.LastSuccessAtUtc, checkpoint?.LastFullSuccessAtUtc, checkpoint?.NextDateFromUtc);
        }).ToList();
        return new OcpiConnectionDetail(
            connection,
            Roles(connection.PartnerRolesJson),
            Versions(connection.PartnerVersionsJson),
            [.. endpoints.OrderBy(e => e.Identifier, StringComparer.Ordinal).ThenBy(e => e.Role, StringComparer.Ordinal)],
            modules,
            partners.IsCircuitOpen(id));
    }

    /// <summary>The connection's sessions that are ACTIVE as last pulled, newest first: what a test profile can go to.</summary>
    public async Task<IReadOnlyList<ActiveSessionRow>> ActiveSessionsAsync(Guid id, CancellationToken ct = default) =>
        await db.OcpiSessions.AsNoTracking().Where(s => s.ConnectionId == id && s.Status == "ACTIVE")
            .OrderByDescending(s => s.StartUtc).Take(RecentRuns)
            .Select(s => new ActiveSessionRow(s.SessionId, s.LocationId, s.EvseUid, s.StartUtc)).ToListAsync(ct);

    public async Task<IReadOnlyList<ChargingProfileRequest>> ChargingProfileRequestsAsync(Guid id, CancellationToken ct = default) =>
        await db.ChargingProfileRequests.AsNoTracking().Where(r => r.ConnectionId == id)
            .OrderByDescending(r => r.QueuedAtUtc).Take(RecentRuns).ToListAsync(ct);

    /// <summary>The ActiveChargingProfiles the CPO pushed on this connection, latest first.</summary>
    public async Task<IReadOnlyList<ActiveChargingProfileUpdate>> ActiveProfileUpdatesAsync(Guid id, CancellationToken ct = default) =>
        await db.ActiveChargingProfileUpdates.AsNoTracking().Where(u => u.ConnectionId == id)
            .OrderByDescending(u => u.ReceivedAtUtc).ThenByDescending(u => u.Id).Take(RecentRuns).ToListAsync(ct);

    private static IReadOnlyList<string> Roles(string? json)
    {
        if (json is null)
            return [];
        try
        {
            return (JsonSerializer.Deserialize<List<CredentialsRole>>(json, OcpiJson.Options) ?? [])
                .Select(r => $"{r.Role} {r.CountryCode}*{r.PartyId} ({r.BusinessDetails?.Name})").ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IReadOnlyList<string> Versions(string? json)
    {
        if (json is null)
            return [];
        try
        {
            return (JsonSerializer.Deserialize<List<OcpiVersion>>(json, OcpiJson.Options) ?? []).Select(v => v.Version).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

public sealed record OcpiConnectionDetail(
    OcpiConnection Connection,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Versions,
    IReadOnlyList<OcpiPartnerEndpoint> Endpoints,
    IReadOnlyList<ModuleRow> Modules,
    bool CircuitOpen);

/// <summary>
/// The connection's page: its detail, the pushes it sent, its active sessions, the recent charging-profile
/// requests, the active profiles the CPO reported and its open data-quality findings per rule.
/// </summary>
public sealed record OcpiConnectionView(
    OcpiConnectionDetail Detail,
    PushSummary Pushes,
    IReadOnlyList<ActiveSessionRow> Sessions,
    IReadOnlyList<ChargingProfileRequest> Requests,
    IReadOnlyList<ActiveChargingProfileUpdate> Updates,
    IReadOnlyList<QualityRuleRow> Quality);

public sealed record ModuleRow(OcpiModule Module, string? SenderUrl, DateTime? LastSuccessAtUtc, DateTime? LastFullSuccessAtUtc, DateTime? NextDateFromUtc);

public sealed record ActiveSessionRow(string SessionId, string LocationId, string EvseUid, DateTime StartUtc);

/// <summary>Open data-quality findings of one rule on a connection: how many objects, and when one was last seen.</summary>
public sealed record QualityRuleRow(string Rule, int Objects, DateTime LastSeenAtUtc);

/// <summary>How many objects of a connection had a finding of a rule in a period.</summary>
public sealed record QualityCount(Guid ConnectionId, string Rule, int Objects);

/// <summary>The EVSE statuses a CPO pushed: how many in the last day, and when the last one arrived.</summary>
public sealed record PushSummary(int LastDay, DateTime? LastAtUtc);
