using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Municipalities;
using Portal.Integration.Changes;
using Portal.Integration.Persistence;

namespace Portal.Integration.Municipalities;

/// <summary>A municipality with a known boundary, parsed and prepared for point-in-area questions.</summary>
public sealed record BoundedMunicipality(Guid Id, string Name, MunicipalityBoundary Boundary);

/// <summary>
/// Which municipality contains a point, for every feature that asks (addresses, OCPI locations, the
/// eligibility check, spots). Boundaries are large polygons: they are read and prepared once and kept
/// until a municipality changes on any node (<see cref="ChangeTopic.Municipalities"/>), not parsed per request.
/// </summary>
public sealed class MunicipalityBoundaries : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<BoundedMunicipality>? _cache;
    private int _generation;

    public MunicipalityBoundaries(IServiceScopeFactory scopes, LiveChanges changes)
    {
        _scopes = scopes;
        _subscription = changes.Subscribe(ChangeTopic.Municipalities, () =>
        {
            Invalidate();
            return Task.CompletedTask;
        });
    }

    /// <summary>Every municipality with a boundary, by name.</summary>
    public async Task<IReadOnlyList<BoundedMunicipality>> AllAsync(CancellationToken ct = default)
    {
        if (_cache is { } cached)
            return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache is { } again)
                return again;
            var generation = Volatile.Read(ref _generation);
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Municipalities.AsNoTracking().Where(m => m.BoundaryWkt != null)
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name, m.BoundaryWkt }).ToListAsync(ct);
            var loaded = rows.Select(r => new BoundedMunicipality(r.Id, r.Name, MunicipalityBoundary.FromWkt(r.BoundaryWkt!))).ToList();
            // A change that came in while reading may not be in what was read: then keep nothing.
            if (generation == Volatile.Read(ref _generation))
                _cache = loaded;
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The municipality whose boundary covers the point, or null outside every known boundary.
    /// <paramref name="likely"/> (where the thing was before) is tried first: most points do not move.
    /// </summary>
    public async Task<BoundedMunicipality?> ContainingAsync(double latitude, double longitude, Guid? likely = null, CancellationToken ct = default) =>
        Containing(await AllAsync(ct), latitude, longitude, likely);

    /// <summary>The same question on a list already loaded (a page of OCPI locations asks it hundreds of times).</summary>
    public static BoundedMunicipality? Containing(IReadOnlyList<BoundedMunicipality> all, double latitude, double longitude, Guid? likely = null)
    {
        if (likely is { } id && all.FirstOrDefault(m => m.Id == id) is { } own && own.Boundary.Contains(latitude, longitude))
            return own;
        return all.FirstOrDefault(m => m.Boundary.Contains(latitude, longitude));
    }

    /// <summary>One municipality's boundary, or null when it has none.</summary>
    public async Task<BoundedMunicipality?> OfAsync(Guid municipalityId, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(m => m.Id == municipalityId);

    /// <summary>Forgets the boundaries; the next question reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache = null;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _gate.Dispose();
    }
}
