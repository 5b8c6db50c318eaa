using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Municipalities;
using Portal.Features.Map;
using Portal.Integration.Persistence;

namespace Portal.Features.Policies;

/// <summary>
/// Which municipality a point lies in, from the boundaries in the database. The parsed boundaries
/// are kept for the map index lifetime, so a boundary set on another node is picked up too.
/// </summary>
internal sealed class MunicipalityAreas(IServiceScopeFactory scopes, IOptions<MapOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<(Guid Id, MunicipalityBoundary Boundary)> Areas, DateTimeOffset LoadedAt)? _cache;

    /// <summary>The municipality whose boundary covers the point; null outside every known boundary.</summary>
    public async Task<Guid?> FindAsync(double latitude, double longitude, CancellationToken ct = default)
    {
        foreach (var (id, boundary) in await AreasAsync(ct))
        {
            if (boundary.Contains(latitude, longitude))
                return id;
        }
        return null;
    }

    public void Invalidate() => _cache = null;

    private async Task<IReadOnlyList<(Guid Id, MunicipalityBoundary Boundary)>> AreasAsync(CancellationToken ct)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.IndexLifetimeSeconds);
        if (_cache is { } cached && clock.GetUtcNow() - cached.LoadedAt < lifetime)
            return cached.Areas;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache is { } again && clock.GetUtcNow() - again.LoadedAt < lifetime)
                return again.Areas;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Municipalities.AsNoTracking().Where(m => m.BoundaryWkt != null)
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.BoundaryWkt }).ToListAsync(ct);
            var areas = rows.Select(r => (r.Id, MunicipalityBoundary.FromWkt(r.BoundaryWkt!))).ToList();
            _cache = (areas, clock.GetUtcNow());
            return areas;
        }
        finally
        {
            _gate.Release();
        }
    }
}
