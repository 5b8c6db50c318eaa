using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Components.BackOffice;
using Portal.Domain.Common;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// What the officer's traffic-order pages read: the overview with the nearest deadlines first, and the
/// spots an order can take. The deadlines are computed from the recorded dates, so the overview is sorted
/// in memory; a municipality has hundreds of orders, not millions.
/// </summary>
internal sealed class TrafficOrderQueries(PortalDbContext db, TenantAccess tenants, IOptions<TrafficOrderOptions> options, TimeProvider clock)
{
    private readonly TermsCalendar _calendar = TermsCalendar.Default.With(options.Value.EquatedDays);

    /// <summary>Statuses an order is still being worked on in (the default view).</summary>
    public static readonly TrafficOrderStatus[] Open = Enum.GetValues<TrafficOrderStatus>()
        .Where(s => s is not (TrafficOrderStatus.Final or TrafficOrderStatus.Withdrawn)).ToArray();

    public async Task<GridPage<TrafficOrderRow>> ListAsync(ClaimsPrincipal officer, GridQuery grid, TrafficOrderStatus? status, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var query = db.TrafficOrders.AsNoTracking().Where(o => municipalities.Contains(o.MunicipalityId));
        query = status is { } s ? query.Where(o => o.Status == s) : query.Where(o => Open.Contains(o.Status));
        if (!string.IsNullOrWhiteSpace(grid.Search))
        {
            var pattern = $"%{grid.Search.Trim()}%";
            query = query.Where(o => EF.Functions.Like(o.Reference, pattern) || EF.Functions.Like(o.Title, pattern)
                || o.Locations.Any(l => EF.Functions.Like(l.Street, pattern)));
        }
        var orders = await query.Include(o => o.Objections).AsSplitQuery().ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var counts = await db.Set<TrafficOrderLocation>().AsNoTracking()
            .Where(l => ids.Contains(l.TrafficOrderId))
            .GroupBy(l => l.TrafficOrderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var rows = orders.Select(o =>
        {
            var (day, kind) = NextDeadline(o, today);
            return new TrafficOrderRow(o.Id, o.Reference, o.Title, o.Route, o.Status, counts.GetValueOrDefault(o.Id), day, kind, o.UpdatedAtUtc);
        });
        IEnumerable<TrafficOrderRow> sorted = (grid.SortKey, grid.Descending) switch
        {
            ("reference", false) => rows.OrderBy(r => r.Reference, StringComparer.Ordinal),
            ("reference", true) => rows.OrderByDescending(r => r.Reference, StringComparer.Ordinal),
            ("title", false) => rows.OrderBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase),
            ("title", true) => rows.OrderByDescending(r => r.Title, StringComparer.CurrentCultureIgnoreCase),
            ("locations", false) => rows.OrderBy(r => r.Locations),
            ("locations", true) => rows.OrderByDescending(r => r.Locations),
            ("updatedatutc", false) => rows.OrderBy(r => r.UpdatedAtUtc),
            ("updatedatutc", true) => rows.OrderByDescending(r => r.UpdatedAtUtc),
            ("nextdeadline", true) => rows.OrderByDescending(r => r.NextDeadline ?? DateOnly.MinValue),
            // The nearest deadline first, orders without a running term after them, most recently changed first.
            _ => rows.OrderBy(r => r.NextDeadline ?? DateOnly.MaxValue).ThenByDescending(r => r.UpdatedAtUtc),
        };
        var list = sorted.ToList();
        return new GridPage<TrafficOrderRow>(list.Skip(grid.Skip).Take(grid.PageSize).ToList(), list.Count);
    }

    public async Task<IReadOnlyList<MunicipalityChoice>> MunicipalitiesAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);
    }

    /// <summary>How many of the officer's orders are in each status.</summary>
    public async Task<IReadOnlyDictionary<TrafficOrderStatus, int>> CountsAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.TrafficOrders.AsNoTracking().Where(o => municipalities.Contains(o.MunicipalityId))
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>
    /// The spots of a municipality an order can take: approved or reserved, and in no live order. A spot
    /// reserved for an application names it, so officers can order the approved applications together.
    /// </summary>
    public async Task<IReadOnlyList<OrderableSpot>> OrderableSpotsAsync(ClaimsPrincipal officer, Guid municipalityId, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!municipalities.Contains(municipalityId))
            return [];
        var inLiveOrder = from location in db.Set<TrafficOrderLocation>()
                          join order in db.TrafficOrders on location.TrafficOrderId equals order.Id
                          where order.Status != TrafficOrderStatus.Withdrawn
                          select location.SpotId;
        var spots = await db.Spots.AsNoTracking()
            .Where(s => s.MunicipalityId == municipalityId && (s.Status == SpotStatus.Approved || s.Status == SpotStatus.Reserved))
            .Where(s => !inLiveOrder.Contains(s.Id))
            .OrderBy(s => s.Address)
            .Select(s => new { s.Id, s.Address, s.Latitude, s.Longitude, s.RdX, s.RdY, s.Bays, s.Status })
            .ToListAsync(ct);
        var ids = spots.Select(s => s.Id).ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.SpotId != null && ids.Contains(a.SpotId.Value))
            .Select(a => new { SpotId = a.SpotId!.Value, a.Reference })
            .ToListAsync(ct);
        var referenceOf = applications.GroupBy(a => a.SpotId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(a => a.Reference).Order(StringComparer.Ordinal)));
        return spots.Select(s => new OrderableSpot(s.Id, s.Address, s.Latitude, s.Longitude, s.RdX, s.RdY, s.Bays, s.Status, referenceOf.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>
    /// The order an amending draft starts from, with its spots (which the draft may take over), or null when it is
    /// not an order of the officer's municipalities or cannot be amended.
    /// </summary>
    public async Task<AmendedOrder?> AmendableAsync(ClaimsPrincipal officer, Guid orderId, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var order = await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .SingleOrDefaultAsync(o => o.Id == orderId && municipalities.Contains(o.MunicipalityId), ct);
        if (order is null || !TrafficOrderAmendment.CanBeAmended(order.Status))
            return null;
        var ids = order.Locations.Select(l => l.SpotId).ToList();
        var spots = await db.Spots.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Address)
            .Select(s => new OrderableSpot(s.Id, s.Address, s.Latitude, s.Longitude, s.RdX, s.RdY, s.Bays, s.Status, null))
            .ToListAsync(ct);
        return new AmendedOrder(order.Id, order.MunicipalityId, order.Reference, order.Title, order.Route, order.Locations.FirstOrDefault()?.Board ?? SignBoard.E4, spots);
    }

    /// <summary>The orders that amend the order, and the one it amends: references for the order page's links.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Reference, bool Amends)>> AmendmentsOfAsync(TrafficOrder order, CancellationToken ct = default)
    {
        var amendedBy = await db.TrafficOrders.AsNoTracking().Where(o => o.AmendsOrderId == order.Id)
            .OrderBy(o => o.CreatedAtUtc).Select(o => new { o.Id, o.Reference }).ToListAsync(ct);
        var amends = order.AmendsOrderId is { } id
            ? await db.TrafficOrders.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Reference }).SingleOrDefaultAsync(ct)
            : null;
        return [.. amends is null ? [] : new[] { (amends.Id, amends.Reference, true) }, .. amendedBy.Select(a => (a.Id, a.Reference, false))];
    }

    /// <summary>The current status of each spot of an order, for the order page.</summary>
    public async Task<IReadOnlyDictionary<Guid, SpotStatus>> SpotStatusesAsync(ClaimsPrincipal officer, IReadOnlyCollection<Guid> spotIds, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Spots.AsNoTracking().Where(s => spotIds.Contains(s.Id) && municipalities.Contains(s.MunicipalityId))
            .ToDictionaryAsync(s => s.Id, s => s.Status, ct);
    }

    /// <summary>The nearest last day of a running term of the order: views, objections, appeal, or deciding an objection.</summary>
    internal (DateOnly? Day, TrafficOrderDeadline? Kind) NextDeadline(TrafficOrder order, DateOnly today)
    {
        var candidates = new List<(DateOnly Day, TrafficOrderDeadline Kind)>();
        if (order.Status is TrafficOrderStatus.DraftPublished or TrafficOrderStatus.ViewsReceived && order.ViewsTerm(_calendar) is { } views)
            candidates.Add((views.LastDay, TrafficOrderDeadline.Views));
        if (order.Status is TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived && order.ObjectionTerm(_calendar) is { } term && !term.HasLapsed(today))
            candidates.Add((term.LastDay, order.Route == TrafficOrderRoute.Direct ? TrafficOrderDeadline.Objections : TrafficOrderDeadline.Appeal));
        if (order.Status == TrafficOrderStatus.ObjectionsReceived)
        {
            foreach (var objection in order.Objections.Where(o => o.Kind == ObjectionKind.Objection && !o.IsDecided))
                candidates.Add((objection.DecisionTerm(_calendar).LastDay(today), TrafficOrderDeadline.ObjectionDecision));
        }
        if (candidates.Count == 0)
            return (null, null);
        var nearest = candidates.MinBy(c => c.Day);
        return (nearest.Day, nearest.Kind);
    }
}
