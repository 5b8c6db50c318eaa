using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Features.Accounts;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Features.ChargePoints;

/// <summary>
/// Charge points in the back office: every charge location of an officer's municipalities (every
/// one for an administrator), public or not, searched, filtered, sorted and paged in the database;
/// one location with its EVSEs, and each EVSE's status history. Whom a call may show is taken from
/// the signed-in user; a location outside their municipalities is treated as not existing.
/// </summary>
internal sealed class BackOfficeChargePoints(PortalDbContext db, TenantAccess tenants)
{
    /// <summary>The municipalities and operators the filters offer: only those the person may see.</summary>
    public async Task<ChargePointChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(user, ct);
        var municipalities = db.Municipalities.AsNoTracking();
        if (scope is not null)
            municipalities = municipalities.Where(m => scope.Contains(m.Id));
        var choices = await municipalities.OrderBy(m => m.Name).Select(m => new MunicipalityOption(m.Id, m.Name)).ToListAsync(ct);
        var operators = await Visible(scope).Select(l => l.OperatorName).Distinct().OrderBy(name => name).ToListAsync(ct);
        return new ChargePointChoices(choices, operators);
    }

    /// <summary>
    /// One page of charge locations: the quick search on address, postcode, place, name, the
    /// location's or an EVSE's id and the operator; the filters; one sort column; all in the database.
    /// </summary>
    public async Task<GridPage<BackOfficeChargePointRow>> PageAsync(ClaimsPrincipal user, GridQuery grid, ChargePointFilter filter, CancellationToken ct = default)
    {
        var query = Visible(await ScopeAsync(user, ct));
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(l => l.MunicipalityId == municipalityId);
        if (filter.Operator is { Length: > 0 } operatorName)
            query = query.Where(l => l.OperatorName == operatorName);
        if (filter.Status is { } status)
            query = query.Where(l => l.Status == status);
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            var postcode = pattern.Replace(" ", "", StringComparison.Ordinal);
            query = query.Where(l => EF.Functions.Like(l.Address.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(l.City.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(l.Name.ToLower(), pattern, SearchPattern.Escape)
                || (l.PostalCode != null && EF.Functions.Like(l.PostalCode.ToLower(), postcode, SearchPattern.Escape))
                || EF.Functions.Like(l.SourceId.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(l.OperatorName.ToLower(), pattern, SearchPattern.Escape)
                || l.Evses.Any(e => e.EvseId != null && EF.Functions.Like(e.EvseId.ToLower(), pattern, SearchPattern.Escape)));
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("municipality", false) => query.OrderBy(MunicipalityName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("municipality", true) => query.OrderByDescending(MunicipalityName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("operatorname", false) => query.OrderBy(l => l.OperatorName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("operatorname", true) => query.OrderByDescending(l => l.OperatorName).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("status", false) => query.OrderBy(StatusOrder).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("status", true) => query.OrderByDescending(StatusOrder).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("sourceid", false) => query.OrderBy(l => l.SourceId).ThenBy(l => l.Id),
            ("sourceid", true) => query.OrderByDescending(l => l.SourceId).ThenBy(l => l.Id),
            ("maxpowerwatts", false) => query.OrderBy(l => l.MaxPowerWatts).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("maxpowerwatts", true) => query.OrderByDescending(l => l.MaxPowerWatts).ThenBy(l => l.Address).ThenBy(l => l.Id),
            ("lastupdatedutc", false) => query.OrderBy(l => l.LastUpdatedUtc).ThenBy(l => l.Id),
            ("lastupdatedutc", true) => query.OrderByDescending(l => l.LastUpdatedUtc).ThenBy(l => l.Id),
            (_, true) => query.OrderByDescending(l => l.Address).ThenByDescending(l => l.Id),
            _ => query.OrderBy(l => l.Address).ThenBy(l => l.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(l => new BackOfficeChargePointRow(
                l.Id, l.SourceId, l.Name, l.Address, l.PostalCode, l.City,
                db.Municipalities.Where(m => m.Id == l.MunicipalityId).Select(m => m.Name).First(),
                l.OperatorName, l.Status, l.IsPublic, l.MaxPowerWatts,
                l.Evses.Count(e => e.Status != EvseStatus.Removed), l.LastUpdatedUtc))
            .ToListAsync(ct);
        return new GridPage<BackOfficeChargePointRow>(rows, total);
    }

    /// <summary>One location with its EVSEs and their connectors; null when it does not exist or is not the person's to see.</summary>
    public async Task<BackOfficeChargePoint?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(user, ct);
        var location = await Visible(scope).Include(l => l.Evses).ThenInclude(e => e.Connectors).AsSplitQuery().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
            return null;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == location.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        return new BackOfficeChargePoint(location, municipality, [.. location.Evses.OrderBy(e => e.EvseId ?? e.Uid, StringComparer.Ordinal)]);
    }

    /// <summary>The EVSEs' statuses as they are now, in the order of <see cref="FindAsync"/>; empty when the location is not the person's to see.</summary>
    public async Task<IReadOnlyList<EvseState>> EvseStatesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(user, ct);
        var states = await Visible(scope).Where(l => l.Id == id)
            .SelectMany(l => l.Evses.Select(e => new EvseState(e.Uid, e.EvseId, e.Status, e.LastUpdatedUtc)))
            .ToListAsync(ct);
        return [.. states.OrderBy(e => e.EvseId ?? e.Uid, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One page of an EVSE's status events, newest first (the append-only record of every
    /// observation); null when the EVSE does not exist or its location is not the person's to see.
    /// </summary>
    public async Task<GridPage<StatusEventRow>?> HistoryAsync(ClaimsPrincipal user, Guid locationId, string evseUid, GridQuery grid, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(user, ct);
        var location = await Visible(scope).Where(l => l.Id == locationId)
            .Select(l => new { l.SourceId, Uids = l.Evses.Select(e => e.Uid).ToList() })
            .SingleOrDefaultAsync(ct);
        var uid = location?.Uids.FirstOrDefault(u => string.Equals(u, evseUid, StringComparison.OrdinalIgnoreCase));
        if (location is null || uid is null)
            return null;
        var events = db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId == location.SourceId && e.EvseUid == uid);
        var total = await events.CountAsync(ct);
        var ordered = grid.Descending || grid.Sort is null
            ? events.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            : events.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id);
        var rows = await ordered.Skip(grid.Skip).Take(grid.PageSize)
            .Select(e => new StatusEventRow(e.Id, e.Status, e.OccurredAtUtc, e.ReceivedAtUtc, e.Source))
            .ToListAsync(ct);
        return new GridPage<StatusEventRow>(rows, total);
    }

    /// <summary>Null for an administrator (every municipality), else the officer's municipalities.</summary>
    private async Task<IReadOnlyList<Guid>?> ScopeAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(PortalRoles.Admin) ? null : await tenants.MunicipalitiesOfAsync(user, ct);

    private IQueryable<ChargeLocation> Visible(IReadOnlyList<Guid>? scope) =>
        scope is null ? db.ChargeLocations.AsNoTracking() : db.ChargeLocations.AsNoTracking().Where(l => scope.Contains(l.MunicipalityId));

    private Expression<Func<ChargeLocation, string>> MunicipalityName =>
        l => db.Municipalities.Where(m => m.Id == l.MunicipalityId).Select(m => m.Name).First();

    // The status is stored by name; sorting follows the enum's order, as the filter lists it.
    private static readonly Expression<Func<ChargeLocation, int>> StatusOrder = l =>
        l.Status == LocationStatus.Available ? 0
        : l.Status == LocationStatus.Occupied ? 1
        : l.Status == LocationStatus.Unavailable ? 2
        : 3;
}

/// <summary>The grid's filters; the address keeps them as gemeente, operator and status.</summary>
public sealed record ChargePointFilter(Guid? MunicipalityId = null, string? Operator = null, LocationStatus? Status = null);

public sealed record ChargePointChoices(IReadOnlyList<MunicipalityOption> Municipalities, IReadOnlyList<string> Operators);

public sealed record BackOfficeChargePointRow(
    Guid Id, string SourceId, string Name, string Address, string? PostalCode, string City, string Municipality,
    string OperatorName, LocationStatus Status, bool IsPublic, int? MaxPowerWatts, int EvseCount, DateTime? LastUpdatedUtc);

public sealed record BackOfficeChargePoint(ChargeLocation Location, string Municipality, IReadOnlyList<Evse> Evses);

public sealed record EvseState(string Uid, string? EvseId, EvseStatus Status, DateTime? LastUpdatedUtc)
{
    public string Label => EvseId ?? Uid;
}

public sealed record StatusEventRow(long Id, string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc, EvseStatusSource Source);
