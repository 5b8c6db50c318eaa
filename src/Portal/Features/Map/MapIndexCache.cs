using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Features.Map;

/// <summary>
/// In-memory indexes per map layer (and per municipality for officer layers): a cluster index for
/// drawing and a spatial index for distance questions. Built from the database on first use,
/// rebuilt when this node changes the data (Invalidate) and at the latest after the configured
/// lifetime, so changes made on another node show up too. OCPI pushes received on this node
/// (<see cref="ChargeLocationChanges"/>) make the charge-point index stale after a short pause, so
/// a stream of status pushes costs at most one rebuild per pause.
/// </summary>
internal sealed class MapIndexCache(IServiceScopeFactory scopes, IOptions<MapOptions> options, TimeProvider clock, ChargeLocationChanges pushes)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LayerIndex>>> _indexes = new();

    public Task<LayerIndex> ChargePointsAsync() => GetAsync("laadpunten", LoadChargePointsAsync, pushes.Version);

    public Task<LayerIndex> SpotsAsync(Guid municipalityId) => GetAsync($"plekken:{municipalityId}", ct => LoadSpotsAsync(municipalityId, ct));

    public Task<LayerIndex> ApplicationsAsync(Guid municipalityId) => GetAsync($"aanvragen:{municipalityId}", ct => LoadApplicationsAsync(municipalityId, ct));

    /// <summary>The public layer of locations that published traffic orders plan.</summary>
    public Task<LayerIndex> PlannedLocationsAsync() => GetAsync("verkeersbesluiten", LoadPlannedLocationsAsync);

    public void InvalidatePlannedLocations() => _indexes.TryRemove("verkeersbesluiten", out _);

    public void InvalidateApplications(Guid municipalityId) => _indexes.TryRemove($"aanvragen:{municipalityId}", out _);

    public void InvalidateChargePoints() => _indexes.TryRemove("laadpunten", out _);

    public void InvalidateSpots(Guid municipalityId) => _indexes.TryRemove($"plekken:{municipalityId}", out _);

    private async Task<LayerIndex> GetAsync(string key, Func<CancellationToken, Task<List<(MapItem Item, Coordinate Position)>>> load, long version = 0)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.IndexLifetimeSeconds);
        var pause = TimeSpan.FromSeconds(options.Value.PushRefreshSeconds);
        while (true)
        {
            var lazy = _indexes.GetOrAdd(key, _ => new Lazy<Task<LayerIndex>>(() => BuildAsync(load, version)));
            var index = await lazy.Value;
            var age = clock.GetUtcNow() - index.BuiltAt;
            if (age < lifetime && (index.Version == version || age < pause))
                return index;
            _indexes.TryRemove(new KeyValuePair<string, Lazy<Task<LayerIndex>>>(key, lazy));
        }
    }

    private async Task<LayerIndex> BuildAsync(Func<CancellationToken, Task<List<(MapItem Item, Coordinate Position)>>> load, long version)
    {
        var entries = await load(CancellationToken.None);
        return new LayerIndex(
            new ClusterIndex<MapItem>(entries.Select(e => new MapPoint<MapItem>(e.Item, e.Position.Latitude, e.Position.Longitude)).ToList()),
            new SpatialIndex<MapItem>(entries),
            clock.GetUtcNow(),
            version);
    }

    private async Task<List<(MapItem, Coordinate)>> LoadChargePointsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Only public locations: this index feeds the public map and the residents' eligibility check.
        var rows = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.IsPublic)
            .Select(l => new { l.Id, l.Address, l.Name, l.Status, l.IsPlanned, l.Latitude, l.Longitude, l.RdX, l.RdY, Evses = l.Evses.Count(e => e.Status != EvseStatus.Removed) })
            .ToListAsync(ct);
        return rows.Select(r => (
            new MapItem(r.Id, string.IsNullOrWhiteSpace(r.Address) ? r.Name : r.Address, r.IsPlanned ? "Planned" : r.Status.ToString(), r.Evses, r.Status),
            Coordinate.FromStored(r.Latitude, r.Longitude, r.RdX, r.RdY))).ToList();
    }

    private async Task<List<(MapItem, Coordinate)>> LoadApplicationsAsync(Guid municipalityId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await ApplicationLayer.LoadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), municipalityId, ct);
    }

    private async Task<List<(MapItem, Coordinate)>> LoadPlannedLocationsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<IPlannedLocations>() is not { } planned)
            return [];
        return (await planned.LoadAsync(ct)).Select(p => (
            new MapItem(p.SpotId, p.Label, p.State, null, null, p.OrderReference, p.ObjectionUntil, p.OrderPath),
            p.Position)).ToList();
    }

    private async Task<List<(MapItem, Coordinate)>> LoadSpotsAsync(Guid municipalityId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.Spots.AsNoTracking()
            .Where(s => s.MunicipalityId == municipalityId && s.Status != SpotStatus.Retired)
            .Select(s => new { s.Id, s.Address, s.Status, s.Bays, s.Latitude, s.Longitude, s.RdX, s.RdY })
            .ToListAsync(ct);
        return rows.Select(r => (
            new MapItem(r.Id, r.Address, r.Status.ToString(), r.Bays, null),
            Coordinate.FromStored(r.Latitude, r.Longitude, r.RdX, r.RdY))).ToList();
    }
}

/// <summary>An index as built; Version is the <see cref="ChargeLocationChanges"/> count it reflects.</summary>
internal sealed record LayerIndex(ClusterIndex<MapItem> Clusters, SpatialIndex<MapItem> Nearby, DateTimeOffset BuiltAt, long Version);
