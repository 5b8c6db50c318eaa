using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;

namespace Portal.Integration.Requirements;

/// <summary>
/// The catalogue in force: the stored version with the highest number, parsed once and kept in memory. Each call asks
/// the database only for that number (one indexed row), so a version loaded on another node is seen on the next call;
/// the file is read again only when the number changed. With no version stored yet, the shipped catalogue is stored
/// as version 1.
/// </summary>
public sealed class StoredRequirementCatalogue(IServiceScopeFactory scopes, TimeProvider clock) : IRequirementCatalogue
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile InForce? _loaded;

    public async Task<RequirementCatalogue> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await CurrentVersionAsync(cancellationToken)).Catalogue;

    /// <summary>The catalogue in force and the number of its version.</summary>
    public async Task<(int Number, RequirementCatalogue Catalogue)> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var newest = await NewestNumberAsync(db, cancellationToken);
        if (_loaded is { } loaded && loaded.Number == newest)
            return (loaded.Number, loaded.Catalogue);

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } other && other.Number == newest)
                return (other.Number, other.Catalogue);
            var version = newest is { } number
                ? await db.RequirementCatalogueVersions.AsNoTracking().SingleAsync(v => v.Number == number, cancellationToken)
                : await StoreShippedAsync(db, cancellationToken);
            var fresh = new InForce(version.Number, RequirementCatalogueJson.Parse(version.Json));
            _loaded = fresh;
            return (fresh.Number, fresh.Catalogue);
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>A version this node has just stored: in force from now, without reading it back.</summary>
    public void Loaded(int number, RequirementCatalogue catalogue)
    {
        if (_loaded is null || _loaded.Number < number)
            _loaded = new InForce(number, catalogue);
    }

    internal static Task<int?> NewestNumberAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.RequirementCatalogueVersions.MaxAsync(v => (int?)v.Number, cancellationToken);

    private async Task<RequirementCatalogueVersion> StoreShippedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var json = RequirementCatalogueJson.SeedText();
        var shipped = RequirementCatalogueVersion.Of(1, json, RequirementCatalogueJson.Parse(json), null, null, "", clock.GetUtcNow().UtcDateTime);
        db.RequirementCatalogueVersions.Add(shipped);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return shipped;
        }
        catch (DbUpdateException)
        {
            // Another node stored version 1 at the same moment (the number is unique): use what is there.
            db.ChangeTracker.Clear();
            return await db.RequirementCatalogueVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        }
    }

    private sealed record InForce(int Number, RequirementCatalogue Catalogue);
}
