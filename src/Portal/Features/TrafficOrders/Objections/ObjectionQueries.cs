using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>
/// What officers read about objections: those of one order (for the order's page) and the queue of open
/// objections by nearest decision day. Limited to the officer's municipalities. The decision clock is computed
/// with the terms calendar, so the queue is ordered after loading; open objections are few compared to orders.
/// </summary>
internal sealed class ObjectionQueries(PortalDbContext db, TenantAccess tenants, TrafficOrderService orders, TimeProvider clock)
{
    private TermsCalendar Calendar => orders.Calendar;

    /// <summary>The objections and views of the order, oldest first; empty when the order is not the officer's.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> ForOrderAsync(ClaimsPrincipal officer, Guid orderId, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var objections = await db.TrafficOrderObjections.AsNoTracking()
            .Where(o => o.TrafficOrderId == orderId && municipalities.Contains(o.MunicipalityId))
            .OrderBy(o => o.ReceivedAtUtc).ToListAsync(ct);
        var ids = objections.Select(o => o.Id).ToList();
        var files = await db.Set<ObjectionDocument>().AsNoTracking().Where(d => ids.Contains(d.ObjectionId)).OrderBy(d => d.UploadedAtUtc).ToListAsync(ct);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        return objections.Select(o => new ObjectionRow(o, o.Kind == ObjectionKind.Objection ? Clock(o, today) : null,
            files.Where(f => f.ObjectionId == o.Id).Select(f => new ObjectionFile(f.Id, f.Kind, f.FileName, f.SizeBytes)).ToList())).ToList();
    }

    /// <summary>Open objections of the officer's municipalities, the nearest last decision day first (overdue ones on top).</summary>
    public async Task<GridPage<ObjectionQueueRow>> QueueAsync(ClaimsPrincipal officer, int page, int pageSize, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var open = await (
            from o in db.TrafficOrderObjections.AsNoTracking()
            join order in db.TrafficOrders.AsNoTracking() on o.TrafficOrderId equals order.Id
            where municipalities.Contains(o.MunicipalityId) && o.Kind == ObjectionKind.Objection && o.Outcome == null
                && order.Status != TrafficOrderStatus.Withdrawn
            select new { Objection = o, order.Id, order.Reference, order.Title }).ToListAsync(ct);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var rows = open
            .Select(x => new ObjectionQueueRow(x.Objection.Id, x.Objection.Reference, x.Id, x.Reference, x.Title, x.Objection.ReceivedOn, x.Objection.IsLate,
                x.Objection.Admissible, Clock(x.Objection, today)))
            .OrderBy(r => r.Clock.LastDay).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        return new GridPage<ObjectionQueueRow>(rows.Skip(page * pageSize).Take(pageSize).ToList(), rows.Count);
    }

    private DecisionClock Clock(Objection objection, DateOnly today)
    {
        var term = objection.DecisionTerm(Calendar);
        return new DecisionClock(term.LastDay(today), term.DaysLeft(today), term.IsPaused, term.IsExtended, term.Deferrals.Count > 0, term.AdvisoryCommittee);
    }
}

/// <summary>The decision clock of an objection as it stands today (Awb 7:10).</summary>
public sealed record DecisionClock(DateOnly LastDay, int DaysLeft, bool Paused, bool Extended, bool Deferred, bool AdvisoryCommittee)
{
    public bool Overdue => DaysLeft < 0;
}

/// <summary>An objection or view on the order's page; <see cref="Clock"/> only for an objection.</summary>
public sealed record ObjectionRow(Objection Objection, DecisionClock? Clock, IReadOnlyList<ObjectionFile> Files);

public sealed record ObjectionFile(Guid Id, ObjectionDocumentKind Kind, string FileName, long SizeBytes);

/// <summary>A line of the officers' queue of open objections.</summary>
public sealed record ObjectionQueueRow(Guid ObjectionId, string Reference, Guid OrderId, string OrderReference, string OrderTitle,
    DateOnly ReceivedOn, bool IsLate, bool? Admissible, DecisionClock Clock);
