using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;

namespace Portal.Features.Admin;

/// <summary>One OCPI connection in detail for the admin: what was discovered, how its pulls went, its health.</summary>
internal sealed class OcpiConnectionQueries(PortalDbContext db, OcpiPartners partners)
{
    public const int RecentRuns = 20;

    public async Task<OcpiConnectionDetail?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
            return null;
        var endpoints = await db.OcpiPartnerEndpoints.AsNoTracking().Where(e => e.ConnectionId == id).ToListAsync(ct);
        var checkpoints = await db.OcpiPullCheckpoints.AsNoTracking().Where(c => c.ConnectionId == id).ToListAsync(ct);
        var runs = await db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == id)
            .OrderByDescending(r => r.Id).Take(RecentRuns).ToListAsync(ct);
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
            runs,
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
    IReadOnlyList<OcpiPullRun> Runs,
    bool CircuitOpen);

public sealed record ModuleRow(OcpiModule Module, string? SenderUrl, DateTime? LastSuccessAtUtc, DateTime? LastFullSuccessAtUtc, DateTime? NextDateFromUtc);

public sealed record ActiveSessionRow(string SessionId, string LocationId, string EvseUid, DateTime StartUtc);
