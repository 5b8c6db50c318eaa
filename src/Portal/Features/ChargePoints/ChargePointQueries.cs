using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Integration.Persistence;

namespace Portal.Features.ChargePoints;

/// <summary>The public register of charge locations: search, filter, sort, page; and one location in detail.</summary>
internal sealed class ChargePointQueries(PortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<ChargePointResults> SearchAsync(ChargePointSearch search, CancellationToken ct = default)
    {
        // The register page is public: locations that are not open to the public stay off it.
        var query = db.ChargeLocations.AsNoTracking().Where(l => l.IsPublic)
            .Join(db.Municipalities, l => l.MunicipalityId, m => m.Id, (l, m) => new LocationWithMunicipality { Location = l, Municipality = m });

#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var pattern = SearchPattern.Contains(search.Text.Trim());
            query = query.Where(x => EF.Functions.Like(x.Location.Name.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.Address.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.City.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.OperatorName.ToLower(), pattern, SearchPattern.Escape)
                || (x.Location.PostalCode != null && EF.Functions.Like(x.Location.PostalCode.ToLower(), pattern.Replace(" ", "", StringComparison.Ordinal), SearchPattern.Escape)));
        }
#pragma warning restore CA1304
        if (search.MunicipalityId is { } municipalityId)
            query = query.Where(x => x.Location.MunicipalityId == municipalityId);
        if (search.Status is { } status)
            query = query.Where(x => x.Location.Status == status);
        if (search.OperatorName is { Length: > 0 } operatorName)
            query = query.Where(x => x.Location.OperatorName == operatorName);

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(search.Page, 1, pageCount);

        if (search.From is { } from)
        {
            // Distance order: the database filters, the RD metres it returns give exact distances here.
            var positions = await query.Select(x => new { x.Location.Id, x.Location.RdX, x.Location.RdY }).ToListAsync(ct);
            var pageOfIds = positions
                .Select(p => (p.Id, Distance: from.DistanceToRd(p.RdX, p.RdY)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToList();
            var ids = pageOfIds.Select(p => p.Id).ToList();
            var byId = (await Rows(query.Where(x => ids.Contains(x.Location.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
            var nearestFirst = pageOfIds.Select(p => byId[p.Id] with { DistanceMetres = p.Distance }).ToList();
            return new ChargePointResults(nearestFirst, total, page, pageCount);
        }

        query = (search.Sort, search.Descending) switch
        {
            ("operator", false) => query.OrderBy(x => x.Location.OperatorName).ThenBy(x => x.Location.Address),
            ("operator", true) => query.OrderByDescending(x => x.Location.OperatorName).ThenBy(x => x.Location.Address),
            ("vermogen", false) => query.OrderBy(x => x.Location.MaxPowerWatts).ThenBy(x => x.Location.Address),
            ("vermogen", true) => query.OrderByDescending(x => x.Location.MaxPowerWatts).ThenBy(x => x.Location.Address),
            ("status", false) => query.OrderBy(x => x.Location.Status).ThenBy(x => x.Location.Address),
            ("status", true) => query.OrderByDescending(x => x.Location.Status).ThenBy(x => x.Location.Address),
            (_, true) => query.OrderByDescending(x => x.Location.Address).ThenByDescending(x => x.Location.Id),
            _ => query.OrderBy(x => x.Location.Address).ThenBy(x => x.Location.Id),
        };
        var rows = await Rows(query.Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new ChargePointResults(rows, total, page, pageCount);
    }

    private static IQueryable<ChargePointRow> Rows(IQueryable<LocationWithMunicipality> query) =>
        query.Select(x => new ChargePointRow(
            x.Location.Id, x.Location.Name, x.Location.Address, x.Location.PostalCode, x.Location.City,
            x.Municipality.Name, x.Location.OperatorName, x.Location.MaxPowerWatts, x.Location.Status,
            x.Location.Evses.Count(e => e.Status != EvseStatus.Removed), null));

    public async Task<IReadOnlyList<MunicipalityOption>> MunicipalitiesWithChargePointsAsync(CancellationToken ct = default) =>
        await db.Municipalities.AsNoTracking()
            .Where(m => db.ChargeLocations.Any(l => l.MunicipalityId == m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new MunicipalityOption(m.Id, m.Name))
            .ToListAsync(ct);

    public async Task<ChargePointDetail?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var location = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).ThenInclude(e => e.Connectors).SingleOrDefaultAsync(l => l.Id == id && l.IsPublic, ct);
        if (location is null)
            return null;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == location.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        return new ChargePointDetail(location, municipality, location.Evses.OrderBy(e => e.EvseId ?? e.Uid, StringComparer.Ordinal).ToList());
    }
}

public sealed record ChargePointSearch(string? Text, Guid? MunicipalityId, LocationStatus? Status, string? OperatorName, string? Sort, bool Descending, int Page, Coordinate? From = null);

internal sealed class LocationWithMunicipality
{
    public required ChargeLocation Location { get; init; }
    public required Domain.Municipalities.Municipality Municipality { get; init; }
}

public sealed record ChargePointRow(Guid Id, string Name, string Address, string? PostalCode, string City, string Municipality, string OperatorName, int? MaxPowerWatts, LocationStatus Status, int EvseCount, double? DistanceMetres);

public sealed record ChargePointResults(IReadOnlyList<ChargePointRow> Rows, int Total, int Page, int PageCount);

public sealed record MunicipalityOption(Guid Id, string Name);

public sealed record ChargePointDetail(ChargeLocation Location, string Municipality, IReadOnlyList<Evse> Evses);
