using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.ChargePoints;
using Portal.Domain.Operators;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Operators;

/// <summary>
/// A CPO user's workspace: their organisation and the charge locations it runs, per municipality
/// and as a grid. The operator is always the signed-in user's own (from their account, never from
/// the request): a CPO user sees no other operator's data.
/// </summary>
internal sealed class OperatorQueries(PortalDbContext db, TenantAccess tenants)
{
    /// <summary>The user's operator with its counts per municipality; null when the account belongs to no operator.</summary>
    public async Task<OperatorOverview?> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await OrganisationOfAsync(user, ct) is not { } organisation)
            return null;

        var locations = OperatedBy(organisation);
        var perMunicipality = await locations
            .Join(db.Municipalities, l => l.MunicipalityId, m => m.Id, (l, m) => new { l, m.Name })
            .GroupBy(x => new { x.l.MunicipalityId, x.Name })
            .Select(g => new OperatorMunicipality(
                g.Key.MunicipalityId,
                g.Key.Name,
                g.Count(),
                g.Count(x => x.l.Status == LocationStatus.Available),
                g.Count(x => x.l.Status == LocationStatus.Occupied),
                g.Count(x => x.l.Status == LocationStatus.Unavailable)))
            .ToListAsync(ct);
        var evses = await db.Evses.AsNoTracking()
            .Where(e => locations.Select(l => l.Id).Contains(e.LocationId) && e.Status != EvseStatus.Removed)
            .CountAsync(ct);
        return new OperatorOverview(organisation.Name, organisation.PartyId?.ToString(), [.. perMunicipality.OrderBy(m => m.Name, StringComparer.CurrentCulture)], evses);
    }

    /// <summary>
    /// One page of the operator's charge locations: quick search on address, postcode, place, name and
    /// id; filters on municipality and status; one sort column; all in the database. Empty for an
    /// account that belongs to no operator.
    /// </summary>
    public async Task<GridPage<OperatorLocationRow>> LocationsAsync(ClaimsPrincipal user, GridQuery grid, Guid? municipalityId, LocationStatus? status, CancellationToken ct = default)
    {
        if (await OrganisationOfAsync(user, ct) is not { } organisation)
            return new GridPage<OperatorLocationRow>([], 0);
        var query = OperatedBy(organisation);
        if (municipalityId is { } municipality)
            query = query.Where(l => l.MunicipalityId == municipality);
        if (status is { } wanted)
            query = query.Where(l => l.Status == wanted);
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            var postcode = pattern.Replace(" ", "", StringComparison.Ordinal);
            query = query.Where(l => EF.Functions.Like(l.Address.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(l.City.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(l.Name.ToLower(), pattern, SearchPattern.Escape)
                || (l.PostalCode != null && EF.Functions.Like(l.PostalCode.ToLower(), postcode, SearchPattern.Escape))
                || EF.Functions.Like(l.SourceId.ToLower(), pattern, SearchPattern.Escape));
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("municipality", false) => query.OrderBy(MunicipalityName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("municipality", true) => query.OrderByDescending(MunicipalityName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("status", false) => query.OrderBy(StatusOrder).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("status", true) => query.OrderByDescending(StatusOrder).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("sourceid", false) => query.OrderBy(l => l.SourceId).ThenBy(l => l.Id),
            ("sourceid", true) => query.OrderByDescending(l => l.SourceId).ThenBy(l => l.Id),
            ("lastupdatedutc", false) => query.OrderBy(l => l.LastUpdatedUtc).ThenBy(l => l.Id),
            ("lastupdatedutc", true) => query.OrderByDescending(l => l.LastUpdatedUtc).ThenBy(l => l.Id),
            (_, true) => query.OrderByDescending(l => l.Address).ThenByDescending(l => l.Id),
            _ => query.OrderBy(l => l.Address).ThenBy(l => l.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(l => new OperatorLocationRow(
                l.Id, l.SourceId, l.Name, l.Address, l.PostalCode, l.City,
                db.Municipalities.Where(m => m.Id == l.MunicipalityId).Select(m => m.Name).First(),
                l.Status, l.IsPublic, l.Evses.Count(e => e.Status != EvseStatus.Removed), l.LastUpdatedUtc))
            .ToListAsync(ct);
        return new GridPage<OperatorLocationRow>(rows, total);
    }

    private async Task<OperatorOrganisation?> OrganisationOfAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await tenants.OperatorOfAsync(user, ct) is { } operatorId
            ? await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operatorId, ct)
            : null;

    // A location belongs to the operator it is linked to, or else by its eMI3 party id or its operator name.
    private IQueryable<ChargeLocation> OperatedBy(OperatorOrganisation organisation)
    {
        var partyId = organisation.PartyId?.ToString();
        var id = organisation.Id;
        var name = organisation.Name;
        return db.ChargeLocations.AsNoTracking()
            .Where(l => l.OperatorId == id || (partyId != null && l.OperatorPartyId == partyId) || l.OperatorName == name);
    }

    private Expression<Func<ChargeLocation, string>> MunicipalityName =>
        l => db.Municipalities.Where(m => m.Id == l.MunicipalityId).Select(m => m.Name).First();

    private static readonly Expression<Func<ChargeLocation, int>> StatusOrder = l =>
        l.Status == LocationStatus.Available ? 0
        : l.Status == LocationStatus.Occupied ? 1
        : l.Status == LocationStatus.Unavailable ? 2
        : 3;
}

internal sealed record OperatorOverview(string Name, string? PartyId, IReadOnlyList<OperatorMunicipality> Municipalities, int Evses)
{
    public int Locations => Municipalities.Sum(m => m.Locations);
}

internal sealed record OperatorMunicipality(Guid Id, string Name, int Locations, int Available, int Occupied, int Unavailable);

internal sealed record OperatorLocationRow(
    Guid Id, string SourceId, string Name, string Address, string? PostalCode, string City, string Municipality,
    LocationStatus Status, bool IsPublic, int EvseCount, DateTime? LastUpdatedUtc);
