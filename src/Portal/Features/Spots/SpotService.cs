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
            var pattern = SearchPattern.Contains(search);
            query = query.Where(s => EF.Functions.Like(s.Address.ToLower(), pattern, SearchPattern.Escape));
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
        : s.Status == SpotStatus.Planned ? 3
        : s.Status == SpotStatus.ReadyForInstallation ? 4
        : s.Status == SpotStatus.Realised ? 5
        : s.Status == SpotStatus.Rejected ? 6
        : 7;

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

    /// <summary>
    /// How a spot with what the form says would sit: outside the municipality's area (lat/lon swapped,
    /// say), or the placement guidelines it breaks, measured against the other spots and the charge
    /// points. Null while the form has no position yet. <paramref name="self"/> is left out of the distances.
    /// </summary>
    public async Task<SpotPlacement?> PlaceAsync(ClaimsPrincipal officer, SpotForm form, Guid? self = null, CancellationToken ct = default)
    {
        if (form.Latitude is not { } latitude || form.Longitude is not { } longitude)
            return null;
        var municipalityId = await MunicipalityForAsync(officer, form.MunicipalityId, ct);
        var (_, placement) = await PlaceAsync(municipalityId, latitude, longitude, form.ToDetails(), self, ct);
        return placement;
    }

    /// <summary>
    /// Saves a new spot from the form, as a candidate. It is not saved when its position lies outside
    /// the municipality's area, nor, unless the officer accepted them, when it breaks a hard guideline.
    /// </summary>
    public async Task<SpotSave> SaveNewAsync(ClaimsPrincipal officer, SpotForm form, CancellationToken ct = default)
    {
        var municipalityId = await MunicipalityForAsync(officer, form.MunicipalityId, ct);
        var (position, placement) = await PlaceAsync(municipalityId, form.Latitude ?? double.NaN, form.Longitude ?? double.NaN, form.ToDetails(), null, ct);
        if (Unsaved(placement, form.AcceptWarnings) is { } unsaved)
            return unsaved;
        try
        {
            var spot = Spot.Create(municipalityId, position!.Value, form.ToDetails(), await ActorAsync(officer), clock.GetUtcNow().UtcDateTime);
            db.Spots.Add(spot);
            await db.SaveChangesAsync(ct);
            mapIndexes.InvalidateSpots(municipalityId);
            return new SpotSave(SpotSaveOutcome.Saved, spot.Id, placement, null);
        }
        catch (Domain.Common.DomainRuleViolated e)
        {
            return new SpotSave(SpotSaveOutcome.Refused, null, placement, RuleMessages.Text(T, e));
        }
    }

    /// <summary>
    /// Saves the officer's changes to a spot (its position, details and the reason, into the history),
    /// by the same rules as a new one. Null when the officer cannot see the spot.
    /// </summary>
    public async Task<SpotSave?> SaveAsync(ClaimsPrincipal officer, Guid id, SpotForm form, CancellationToken ct = default)
    {
        if (await FindAsync(officer, id, ct) is not { } spot)
            return null;
        var (position, placement) = await PlaceAsync(spot.MunicipalityId, form.Latitude ?? double.NaN, form.Longitude ?? double.NaN, form.ToDetails(), spot.Id, ct);
        if (Unsaved(placement, form.AcceptWarnings, spot.Id) is { } unsaved)
            return unsaved;
        try
        {
            var actor = await ActorAsync(officer);
            var now = clock.GetUtcNow().UtcDateTime;
            var reason = Trimmed(form.Reason);
            spot.MoveTo(position!.Value, actor, now, reason);
            spot.Edit(form.ToDetails(), actor, now, reason);
            await db.SaveChangesAsync(ct);
            mapIndexes.InvalidateSpots(spot.MunicipalityId);
            return new SpotSave(SpotSaveOutcome.Saved, spot.Id, placement, null);
        }
        catch (Domain.Common.DomainRuleViolated e)
        {
            return new SpotSave(SpotSaveOutcome.Refused, spot.Id, placement, RuleMessages.Text(T, e));
        }
    }

    /// <summary>How the spot would sit at another position, with its own details: for a marker dragged on the map. Null when the officer cannot see the spot.</summary>
    public async Task<SpotPlacement?> PlaceMoveAsync(ClaimsPrincipal officer, Guid id, double latitude, double longitude, CancellationToken ct = default)
    {
        if (await FindAsync(officer, id, ct) is not { } spot)
            return null;
        var (_, placement) = await PlaceAsync(spot.MunicipalityId, latitude, longitude, SpotForm.From(spot).ToDetails(), spot.Id, ct);
        return placement;
    }

    /// <summary>Moves a spot (a marker dragged on the map), with a "moved" entry in its history. Null when the officer cannot see the spot.</summary>
    public async Task<SpotSave?> MoveAsync(ClaimsPrincipal officer, Guid id, double latitude, double longitude, string? reason, bool acceptWarnings, CancellationToken ct = default)
    {
        if (await FindAsync(officer, id, ct) is not { } spot)
            return null;
        var (position, placement) = await PlaceAsync(spot.MunicipalityId, latitude, longitude, SpotForm.From(spot).ToDetails(), spot.Id, ct);
        if (Unsaved(placement, acceptWarnings, spot.Id) is { } unsaved)
            return unsaved;
        try
        {
            spot.MoveTo(position!.Value, await ActorAsync(officer), clock.GetUtcNow().UtcDateTime, Trimmed(reason));
            await db.SaveChangesAsync(ct);
            mapIndexes.InvalidateSpots(spot.MunicipalityId);
            return new SpotSave(SpotSaveOutcome.Saved, spot.Id, placement, null);
        }
        catch (Domain.Common.DomainRuleViolated e)
        {
            return new SpotSave(SpotSaveOutcome.Refused, spot.Id, placement, RuleMessages.Text(T, e));
        }
    }

    /// <summary>
    /// Gives one spot a new status by the spot rule (a reason where the rule asks one). Returns why
    /// not, in the reader's language, or null when it changed. A spot the officer cannot see is refused.
    /// </summary>
    public async Task<string?> ChangeStatusAsync(ClaimsPrincipal officer, Guid id, SpotStatus to, string? reason, CancellationToken ct = default)
    {
        if (await FindAsync(officer, id, ct) is not { } spot)
            throw new UnauthorizedAccessException("Not a spot of the officer's municipalities.");
        try
        {
            spot.ChangeStatus(to, await ActorAsync(officer), clock.GetUtcNow().UtcDateTime, Trimmed(reason));
            await db.SaveChangesAsync(ct);
            mapIndexes.InvalidateSpots(spot.MunicipalityId);
            return null;
        }
        catch (Domain.Common.DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    /// <summary>
    /// The spots (all but retired ones) of the officer's municipalities that lie in a box, by address,
    /// at most <paramref name="max"/> of them, and how many there are: the spot map's markers and its list.
    /// </summary>
    public async Task<SpotPins> PinsAsync(ClaimsPrincipal officer, MapBounds box, int max, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        double west = box.West, south = box.South, east = box.East, north = box.North;
        var query = db.Spots.AsNoTracking()
            .Where(s => ids.Contains(s.MunicipalityId) && s.Status != SpotStatus.Retired)
            .Where(s => s.Latitude >= south && s.Latitude <= north && s.Longitude >= west && s.Longitude <= east);
        var total = await query.CountAsync(ct);
        var pins = await query.OrderBy(s => s.Address).ThenBy(s => s.Id).Take(max)
            .Select(s => new SpotPin(s.Id, s.Address, s.Status, s.Bays, s.Latitude, s.Longitude))
            .ToListAsync(ct);
        return new SpotPins(pins, total);
    }

    /// <summary>
    /// Where the spot map opens: around the officer's municipalities (their boundaries when known,
    /// else their spots), or null when there is nothing to go by.
    /// </summary>
    public async Task<MapBounds?> HomeAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        var boundaries = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id) && m.BoundaryWkt != null).Select(m => m.BoundaryWkt!).ToListAsync(ct);
        if (boundaries.Count > 0)
        {
            var box = new NetTopologySuite.Geometries.Envelope();
            foreach (var wkt in boundaries)
                box.ExpandToInclude(Domain.Municipalities.MunicipalityBoundary.FromWkt(wkt).Area.EnvelopeInternal);
            return new MapBounds(box.MinX, box.MinY, box.MaxX, box.MaxY);
        }
        var spots = db.Spots.AsNoTracking().Where(s => ids.Contains(s.MunicipalityId) && s.Status != SpotStatus.Retired);
        if (!await spots.AnyAsync(ct))
            return null;
        double west = await spots.MinAsync(s => s.Longitude, ct), south = await spots.MinAsync(s => s.Latitude, ct);
        double east = await spots.MaxAsync(s => s.Longitude, ct), north = await spots.MaxAsync(s => s.Latitude, ct);
        const double margin = 0.002;
        return new MapBounds(west - margin, south - margin, east + margin, north + margin);
    }

    private async Task<Guid> MunicipalityForAsync(ClaimsPrincipal officer, Guid? chosen, CancellationToken ct)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (chosen is { } id)
            return ids.Contains(id) ? id : throw new UnauthorizedAccessException("Not an officer of this municipality.");
        return ids.Count == 1 ? ids[0] : throw new ArgumentException("Choose the municipality of the spot.", nameof(chosen));
    }

    private async Task<(Coordinate? Position, SpotPlacement Placement)> PlaceAsync(Guid municipalityId, double latitude, double longitude, SpotDetails details, Guid? self, CancellationToken ct)
    {
        Coordinate position;
        try
        {
            position = Coordinate.FromWgs84(latitude, longitude, await AreaOfAsync(municipalityId, ct));
        }
        catch (Domain.Common.DomainRuleViolated)
        {
            return (null, SpotPlacement.Outside);
        }
        return (position, new SpotPlacement(false, await CheckAsync(municipalityId, position, details, self, ct)));
    }

    private SpotSave? Unsaved(SpotPlacement placement, bool acceptWarnings, Guid? id = null) =>
        placement.OutsideArea ? new SpotSave(SpotSaveOutcome.OutsideArea, id, placement, T["Spot.OutsideArea"])
        : placement.NeedsConfirmation && !acceptWarnings ? new SpotSave(SpotSaveOutcome.NeedsConfirmation, id, placement, T["Spot.ConfirmWarnings"])
        : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
    /// Creates or updates spots from a GeoJSON upload, matched by feature id. Every feature is reported:
    /// added, updated, or refused with the reason in the reader's language; the good ones are kept.
    /// </summary>
    public async Task<SpotImportReport> ImportAsync(ClaimsPrincipal officer, Guid municipalityId, Stream upload, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!ids.Contains(municipalityId))
            throw new UnauthorizedAccessException("Not an officer of this municipality.");
        var read = Integration.GeoJson.GeoJsonReader.Read(upload, MaxImportBytes);
        var lines = read.Problems.Select(p => new SpotImportLine(p.Index, p.Id, null, SpotImportOutcome.Refused, p.Reason)).ToList();
        var actor = await ActorAsync(officer);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Spots.Include(s => s.History).Where(s => s.MunicipalityId == municipalityId && s.ExternalId != null).ToDictionaryAsync(s => s.ExternalId!, ct);
        foreach (var feature in read.Features)
        {
            var (imported, problem) = SpotGeoJson.Read(feature, T);
            if (imported is null)
            {
                lines.Add(new SpotImportLine(feature.Index, feature.Id, null, SpotImportOutcome.Refused, problem));
                continue;
            }
            try
            {
                if (existing.TryGetValue(imported.ExternalId, out var spot))
                {
                    spot.MoveTo(imported.Position, actor, now, ImportReason);
                    spot.Edit(imported.Details, actor, now, ImportReason);
                    lines.Add(new SpotImportLine(feature.Index, imported.ExternalId, spot.Address, SpotImportOutcome.Updated, null));
                }
                else
                {
                    spot = Spot.Create(municipalityId, imported.Position, imported.Details, actor, now, imported.ExternalId);
                    db.Spots.Add(spot);
                    existing[imported.ExternalId] = spot;
                    lines.Add(new SpotImportLine(feature.Index, imported.ExternalId, spot.Address, SpotImportOutcome.Added, null));
                }
            }
            catch (Domain.Common.DomainRuleViolated e)
            {
                lines.Add(new SpotImportLine(feature.Index, imported.ExternalId, imported.Details.Address, SpotImportOutcome.Refused, RuleMessages.Text(T, e)));
            }
        }
        await db.SaveChangesAsync(ct);
        mapIndexes.InvalidateSpots(municipalityId);
        return new SpotImportReport(lines.OrderBy(l => l.Index).ToList());
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

public sealed record SpotRow(Guid Id, string Address, SpotStatus Status, int Bays, SpotSetUp SetUp, DateTime UpdatedAtUtc);

/// <summary>What a status change of several spots did: how many changed, which the rule refused and why, how many were not found.</summary>
public sealed record SpotStatusChanges(int Changed, IReadOnlyList<SpotRefusal> Refused, int NotFound);

public sealed record SpotRefusal(Guid SpotId, string Address, string Reason);

/// <summary>Where a spot would sit: outside the municipality's area, or with the placement guidelines it breaks.</summary>
public sealed record SpotPlacement(bool OutsideArea, IReadOnlyList<SpotWarning> Warnings)
{
    public static readonly SpotPlacement Outside = new(true, []);

    /// <summary>A hard guideline is broken: the officer must say they saw it before the spot is saved.</summary>
    public bool NeedsConfirmation => Warnings.Any(w => w.IsBlocking);
}

public enum SpotSaveOutcome
{
    Saved,
    OutsideArea,
    NeedsConfirmation,
    Refused,
}

/// <summary>What saving a spot did; when not saved, <see cref="Problem"/> says why in the reader's language.</summary>
public sealed record SpotSave(SpotSaveOutcome Outcome, Guid? SpotId, SpotPlacement Placement, string? Problem)
{
    public bool Saved => Outcome == SpotSaveOutcome.Saved;
}

/// <summary>A spot on the spot map.</summary>
public sealed record SpotPin(Guid Id, string Address, SpotStatus Status, int Bays, double Latitude, double Longitude);

/// <summary>The spots in a part of the map, and how many there are in all (there may be more than were given).</summary>
public sealed record SpotPins(IReadOnlyList<SpotPin> Pins, int Total);
