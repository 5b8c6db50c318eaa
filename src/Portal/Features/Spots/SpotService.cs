using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Integration.Municipalities;
using Portal.Components.BackOffice;
using Portal.Components.Shared;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Features.Accounts;
using Portal.Features.Map;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Spots;

/// <summary>
/// An officer's work on the spot map. Every call is limited to the municipalities the officer
/// belongs to: a spot of another municipality is treated as not existing.
/// </summary>
internal sealed class SpotService(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users, IOptions<SpotOptions> options, MapIndexCache mapIndexes, MunicipalityBoundaries boundaries, TimeProvider clock, IStringLocalizer<Texts> T)
{
    public async Task<IReadOnlyList<MunicipalityChoice>> MunicipalitiesAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// One page of the officer's spots: the status filter (open spots when none), a search on the
    /// address, sort and page, all in the database. The sort names of the old list (adres,
    /// gewijzigd) are still understood, so its bookmarks keep working.
    /// </summary>
    public async Task<GridPage<SpotRow>> ListAsync(ClaimsPrincipal officer, GridQuery grid, SpotStatus? status, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        var query = db.Spots.AsNoTracking().Where(s => ids.Contains(s.MunicipalityId));
        query = status is { } wanted ? query.Where(s => s.Status == wanted) : query.Where(s => s.Status != SpotStatus.Retired);
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = $"%{search.ToLowerInvariant()}%";
            query = query.Where(s => EF.Functions.Like(s.Address.ToLower(), pattern));
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("status", false) => query.OrderBy(ProcessOrder).ThenBy(s => s.Address),
            ("status", true) => query.OrderByDescending(ProcessOrder).ThenBy(s => s.Address),
            ("bays", false) => query.OrderBy(s => s.Bays).ThenBy(s => s.Address),
            ("bays", true) => query.OrderByDescending(s => s.Bays).ThenBy(s => s.Address),
            ("updatedatutc" or "gewijzigd", false) => query.OrderBy(s => s.UpdatedAtUtc).ThenBy(s => s.Id),
            ("updatedatutc" or "gewijzigd", true) => query.OrderByDescending(s => s.UpdatedAtUtc).ThenBy(s => s.Id),
            (_, true) => query.OrderByDescending(s => s.Address).ThenBy(s => s.Id),
            _ => query.OrderBy(s => s.Address).ThenBy(s => s.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(s => new SpotRow(s.Id, s.Address, s.Status, s.Bays, s.SetUp, s.UpdatedAtUtc))
            .ToListAsync(ct);
        return new GridPage<SpotRow>(rows, total);
    }

    // The status is stored by name; sorting on it follows the process, not the alphabet.
    private static readonly System.Linq.Expressions.Expression<Func<Spot, int>> ProcessOrder = s =>
        s.Status == SpotStatus.Candidate ? 0
        : s.Status == SpotStatus.Reserved ? 1
        : s.Status == SpotStatus.Approved ? 2
        : s.Status == SpotStatus.Realised ? 3
        : s.Status == SpotStatus.Rejected ? 4
        : 5;

    /// <summary>
    /// Gives several spots one new status, each by the same rule as one at a time. Spots the
    /// rule refuses are reported and left as they were; the others are saved together. Spots
    /// outside the officer's municipalities are treated as not existing.
    /// </summary>
    public async Task<SpotStatusChanges> ChangeStatusesAsync(ClaimsPrincipal officer, IReadOnlyCollection<Guid> spotIds, SpotStatus to, string? reason, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        var spots = await db.Spots.Include(s => s.History).Where(s => spotIds.Contains(s.Id) && ids.Contains(s.MunicipalityId)).OrderBy(s => s.Address).ToListAsync(ct);
        var actor = await ActorAsync(officer);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        var refused = new List<SpotRefusal>();
        foreach (var spot in spots)
        {
            try
            {
                if (spot.Status == to)
                    continue;
                spot.ChangeStatus(to, actor, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
                changed++;
            }
            catch (Domain.Common.DomainRuleViolated e)
            {
                refused.Add(new SpotRefusal(spot.Id, spot.Address, RuleMessages.Text(T, e)));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var municipalityId in spots.Select(s => s.MunicipalityId).Distinct())
            mapIndexes.InvalidateSpots(municipalityId);
        return new SpotStatusChanges(changed, refused, spotIds.Count - spots.Count);
    }

    public async Task<Spot?> FindAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Spots.Include(s => s.History).SingleOrDefaultAsync(s => s.Id == id && ids.Contains(s.MunicipalityId), ct);
    }

    /// <summary>The guideline warnings for a spot at this position with these details (excluding the spot itself).</summary>
    public async Task<IReadOnlyList<SpotWarning>> CheckAsync(Guid municipalityId, Coordinate position, SpotDetails details, Guid? self, CancellationToken ct = default)
    {
        var settings = options.Value.ToSettings();
        var radius = Math.Max(settings.MinimumDistanceToOtherSpotMetres, settings.MinimumDistanceToChargePointMetres);
        var nearby = await NearbyAsync(municipalityId, position, radius, self, ct);
        return SpotChecks.Check(details, nearby, settings);
    }

    public async Task<Guid> CreateAsync(ClaimsPrincipal officer, Guid municipalityId, Coordinate position, SpotDetails details, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!ids.Contains(municipalityId))
            throw new UnauthorizedAccessException("Not an officer of this municipality.");
        var spot = Spot.Create(municipalityId, position, details, await ActorAsync(officer), clock.GetUtcNow().UtcDateTime);
        db.Spots.Add(spot);
        await db.SaveChangesAsync(ct);
        mapIndexes.InvalidateSpots(municipalityId);
        return spot.Id;
    }

    public async Task UpdateAsync(Spot spot, ClaimsPrincipal officer, Coordinate position, SpotDetails details, string? reason, CancellationToken ct = default)
    {
        var actor = await ActorAsync(officer);
        var now = clock.GetUtcNow().UtcDateTime;
        spot.MoveTo(position, actor, now, reason);
        spot.Edit(details, actor, now, reason);
        await db.SaveChangesAsync(ct);
        mapIndexes.InvalidateSpots(spot.MunicipalityId);
    }

    public async Task ChangeStatusAsync(Spot spot, ClaimsPrincipal officer, SpotStatus to, string? reason, CancellationToken ct = default)
    {
        spot.ChangeStatus(to, await ActorAsync(officer), clock.GetUtcNow().UtcDateTime, reason);
        await db.SaveChangesAsync(ct);
        mapIndexes.InvalidateSpots(spot.MunicipalityId);
    }

    /// <summary>Where the municipality accepts positions: its own area when its boundary is known, else the Netherlands.</summary>
    public async Task<GeoArea> AreaOfAsync(Guid municipalityId, CancellationToken ct = default) =>
        await boundaries.OfAsync(municipalityId, ct) is { } municipality ? municipality.Boundary.AcceptedArea(municipality.Name) : GeoArea.Netherlands;

    /// <summary>Every spot of the officer's municipalities, for the GeoJSON export.</summary>
    public async Task<IReadOnlyList<Spot>> AllAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Spots.AsNoTracking().Where(s => ids.Contains(s.MunicipalityId)).OrderBy(s => s.Address).ToListAsync(ct);
    }

    /// <summary>
    /// Creates or updates spots from a GeoJSON upload, matched by feature id. Bad features are
    /// reported by position and reason; the good ones are kept.
    /// </summary>
    public async Task<SpotImportReport> ImportAsync(ClaimsPrincipal officer, Guid municipalityId, Stream upload, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!ids.Contains(municipalityId))
            throw new UnauthorizedAccessException("Not an officer of this municipality.");
        var read = Integration.GeoJson.GeoJsonReader.Read(upload, MaxImportBytes);
        var rejected = read.Problems.ToList();
        var actor = await ActorAsync(officer);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Spots.Include(s => s.History).Where(s => s.MunicipalityId == municipalityId && s.ExternalId != null).ToDictionaryAsync(s => s.ExternalId!, ct);
        int created = 0, updated = 0;
        foreach (var feature in read.Features)
        {
            var (imported, problem) = SpotGeoJson.Read(feature, T);
            if (imported is null)
            {
                rejected.Add(new(feature.Index, feature.Id, problem!));
                continue;
            }
            try
            {
                if (existing.TryGetValue(imported.ExternalId, out var spot))
                {
                    spot.MoveTo(imported.Position, actor, now, ImportReason);
                    spot.Edit(imported.Details, actor, now, ImportReason);
                    updated++;
                }
                else
                {
                    spot = Spot.Create(municipalityId, imported.Position, imported.Details, actor, now, imported.ExternalId);
                    db.Spots.Add(spot);
                    existing[imported.ExternalId] = spot;
                    created++;
                }
            }
            catch (Domain.Common.DomainRuleViolated e)
            {
                rejected.Add(new(feature.Index, feature.Id, RuleMessages.Text(T, e)));
            }
        }
        await db.SaveChangesAsync(ct);
        mapIndexes.InvalidateSpots(municipalityId);
        return new SpotImportReport(created, updated, rejected.OrderBy(r => r.Index).ToList());
    }

    public const long MaxImportBytes = 5 * 1024 * 1024;
    private const string ImportReason = "GeoJSON import";

    /// <summary>
    /// Spots and charge locations near a position: the database narrows to an RD bounding box on
    /// its indexes, exact distances are computed here.
    /// </summary>
    public async Task<IReadOnlyList<NearbyFeature>> NearbyAsync(Guid municipalityId, Coordinate position, double radiusMetres, Guid? self, CancellationToken ct = default)
    {
        double minX = position.X - radiusMetres, maxX = position.X + radiusMetres, minY = position.Y - radiusMetres, maxY = position.Y + radiusMetres;
        var spots = await db.Spots.AsNoTracking()
            .Where(s => s.MunicipalityId == municipalityId && s.Id != self && s.Status != SpotStatus.Rejected && s.Status != SpotStatus.Retired)
            .Where(s => s.RdX >= minX && s.RdX <= maxX && s.RdY >= minY && s.RdY <= maxY)
            .Select(s => new { s.Address, s.RdX, s.RdY })
            .ToListAsync(ct);
        var chargePoints = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.RdX >= minX && l.RdX <= maxX && l.RdY >= minY && l.RdY <= maxY)
            .Select(l => new { l.Address, l.OperatorName, l.RdX, l.RdY })
            .ToListAsync(ct);
        return spots.Select(s => new NearbyFeature(s.Address, position.DistanceToRd(s.RdX, s.RdY), false))
            .Concat(chargePoints.Select(c => new NearbyFeature($"{c.Address} ({c.OperatorName})", position.DistanceToRd(c.RdX, c.RdY), true)))
            .Where(n => n.DistanceMetres <= radiusMetres)
            .OrderBy(n => n.DistanceMetres)
            .ToList();
    }

    private async Task<SpotActor> ActorAsync(ClaimsPrincipal officer)
    {
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new SpotActor(user.Id, user.DisplayName);
    }
}

public sealed record MunicipalityChoice(Guid Id, string Name);

public sealed record SpotRow(Guid Id, string Address, SpotStatus Status, int Bays, SpotSetUp SetUp, DateTime UpdatedAtUtc);

/// <summary>What a status change of several spots did: how many changed, which the rule refused and why, how many were not found.</summary>
public sealed record SpotStatusChanges(int Changed, IReadOnlyList<SpotRefusal> Refused, int NotFound);

public sealed record SpotRefusal(Guid SpotId, string Address, string Reason);
