using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Integration.Municipalities;
using Portal.Components.BackOffice;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>An administrator's work on tenants: municipalities and operator organisations.</summary>
internal sealed class TenantAdministration(PortalDbContext db, MunicipalityBoundaries boundaries, TimeProvider clock, IStringLocalizer<Texts> T)
{
    /// <summary>One page of the municipalities: quick search on code and name, sorted in the database.</summary>
    public async Task<GridPage<MunicipalityRow>> MunicipalitiesAsync(GridQuery grid, CancellationToken ct = default)
    {
        var query = db.Municipalities.AsNoTracking().Select(m => new
        {
            m.Id,
            m.Code,
            m.Name,
            ChargeLocations = db.ChargeLocations.Count(l => l.MunicipalityId == m.Id),
            Officers = db.OfficerMemberships.Count(o => o.MunicipalityId == m.Id),
        });
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            query = MunicipalityCode.TryParse(search, out var code)
                ? query.Where(m => m.Code == code)
                : query.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, SearchPattern.Escape));
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("code", false) => query.OrderBy(m => m.Code),
            ("code", true) => query.OrderByDescending(m => m.Code),
            ("chargelocations", false) => query.OrderBy(m => m.ChargeLocations).ThenBy(m => m.Name),
            ("chargelocations", true) => query.OrderByDescending(m => m.ChargeLocations).ThenBy(m => m.Name),
            ("officers", false) => query.OrderBy(m => m.Officers).ThenBy(m => m.Name),
            ("officers", true) => query.OrderByDescending(m => m.Officers).ThenBy(m => m.Name),
            (_, true) => query.OrderByDescending(m => m.Name).ThenBy(m => m.Code),
            _ => query.OrderBy(m => m.Name).ThenBy(m => m.Code),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(m => new MunicipalityRow(m.Id, m.Code.Value, m.Name, m.ChargeLocations, m.Officers))
            .ToListAsync(ct);
        return new GridPage<MunicipalityRow>(rows, total);
    }

    /// <summary>One municipality for its page: name, code and boundary (as GeoJSON for the map, and its extent).</summary>
    public async Task<MunicipalityDetail?> MunicipalityAsync(Guid id, CancellationToken ct = default)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null)
            return null;
        var boundary = municipality.BoundaryWkt is { } wkt ? MunicipalityBoundary.FromWkt(wkt).Area : null;
        return new MunicipalityDetail(municipality.Id, municipality.Code.Value, municipality.Name,
            boundary is null ? null : Integration.GeoJson.GeoJsonWriter.GeometryJson(boundary, decimals: 6),
            boundary is null ? null : new BoundaryExtent(boundary.EnvelopeInternal.MinY, boundary.EnvelopeInternal.MinX, boundary.EnvelopeInternal.MaxY, boundary.EnvelopeInternal.MaxX));
    }

    /// <summary>
    /// Sets the municipal boundary from an uploaded GeoJSON (one Polygon or MultiPolygon, at most
    /// <see cref="MaxBoundaryBytes"/>); returns a message for the person when it cannot.
    /// </summary>
    public async Task<string?> SetBoundaryAsync(Guid municipalityId, Stream geoJson, CancellationToken ct = default)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null)
            return T["AdminMunicipality.Gone"];
        var read = Integration.GeoJson.GeoJsonReader.Read(geoJson, MaxBoundaryBytes);
        if (read.Problems.Count > 0)
            return read.Problems[0].Reason;
        var areas = read.Features.Where(f => f.Geometry is NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon).ToList();
        if (areas.Count != 1)
            return T["AdminMunicipality.OneArea", areas.Count];
        try
        {
            municipality.SetBoundary(MunicipalityBoundary.From(areas[0].Geometry));
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
        await db.SaveChangesAsync(ct);
        boundaries.Invalidate();
        return null;
    }

    public async Task<string?> RenameAsync(Guid municipalityId, string name, CancellationToken ct = default)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null)
            return T["AdminMunicipality.Gone"];
        try
        {
            municipality.Rename(name);
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    public const long MaxBoundaryBytes = 5 * 1024 * 1024;

    /// <summary>One page of the operators: quick search on name and OCPI party, sorted in the database.</summary>
    public async Task<GridPage<OperatorRow>> OperatorsAsync(GridQuery grid, CancellationToken ct = default)
    {
        var query = db.Operators.AsNoTracking().Select(o => new
        {
            o.Id,
            o.Name,
            o.PartyId,
            Users = db.Users.Count(u => u.OperatorId == o.Id),
        });
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            if (OcpiPartyId.TryParse(search, out var party))
            {
                OcpiPartyId? wanted = party;
                query = query.Where(o => o.PartyId == wanted || EF.Functions.Like(o.Name.ToLower(), pattern, SearchPattern.Escape));
            }
            else
            {
                query = query.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, SearchPattern.Escape));
            }
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            // Operators without a party come last either way, on SQLite and PostgreSQL alike.
            ("partyid", false) => query.OrderBy(o => o.PartyId == null).ThenBy(o => o.PartyId).ThenBy(o => o.Name),
            ("partyid", true) => query.OrderBy(o => o.PartyId == null).ThenByDescending(o => o.PartyId).ThenBy(o => o.Name),
            ("users", false) => query.OrderBy(o => o.Users).ThenBy(o => o.Name),
            ("users", true) => query.OrderByDescending(o => o.Users).ThenBy(o => o.Name),
            (_, true) => query.OrderByDescending(o => o.Name).ThenBy(o => o.Id),
            _ => query.OrderBy(o => o.Name).ThenBy(o => o.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize).ToListAsync(ct);
        return new GridPage<OperatorRow>(rows.Select(o => new OperatorRow(o.Id, o.Name, o.PartyId?.ToString(), o.Users)).ToList(), total);
    }

    /// <summary>Registers a municipality; returns a message for the person when a rule is broken.</summary>
    public async Task<string?> RegisterMunicipalityAsync(string code, string name, CancellationToken ct = default)
    {
        try
        {
            var parsed = MunicipalityCode.Parse(code);
            if (await db.Municipalities.AnyAsync(m => m.Code == parsed, ct))
                return "Duplicate";
            db.Municipalities.Add(Municipality.Register(parsed, name, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    public async Task<string?> RegisterOperatorAsync(string name, string? partyId, CancellationToken ct = default)
    {
        try
        {
            OcpiPartyId? party = string.IsNullOrWhiteSpace(partyId) ? null : OcpiPartyId.Parse(partyId);
            var trimmed = name.Trim();
            if (await db.Operators.AnyAsync(o => o.Name == trimmed, ct))
                return "Duplicate";
            db.Operators.Add(OperatorOrganisation.Register(trimmed, party, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }
}

public sealed record MunicipalityRow(Guid Id, string Code, string Name, int ChargeLocations, int Officers);

/// <summary>A municipality on its own page; <see cref="BoundaryGeoJson"/> is the boundary's GeoJSON geometry, null while unknown.</summary>
public sealed record MunicipalityDetail(Guid Id, string Code, string Name, string? BoundaryGeoJson, BoundaryExtent? Extent);

/// <summary>The corners of a boundary's bounding box in WGS84 degrees.</summary>
public sealed record BoundaryExtent(double South, double West, double North, double East);

public sealed record OperatorRow(Guid Id, string Name, string? PartyId, int Users);
