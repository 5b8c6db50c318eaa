using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Municipalities;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders.Public;

/// <summary>
/// What anyone may read about an order: a published order, or a draft out for views (public preparation).
/// Only the order itself (title, locations, status, terms, journal reference): never who applied or objected.
/// </summary>
internal sealed class PublicTrafficOrders(PortalDbContext db, TrafficOrderService orders, TimeProvider clock)
{
    private static readonly TrafficOrderStatus[] Public =
    [
        TrafficOrderStatus.DraftPublished, TrafficOrderStatus.ViewsReceived, TrafficOrderStatus.Published,
        TrafficOrderStatus.ObjectionsReceived, TrafficOrderStatus.Final,
    ];

    /// <summary>
    /// The public orders with this reference: one when the municipality is named (or only one municipality has
    /// the reference), several when the bare reference is ambiguous, none when nothing public has it.
    /// </summary>
    public async Task<IReadOnlyList<PublicOrder>> FindAsync(string reference, string? municipalityCode, CancellationToken ct = default)
    {
        reference = reference.Trim();
        if (reference.Length is 0 or > 40)
            return [];
        var query = db.TrafficOrders.AsNoTracking().Where(o => o.Reference == reference && Public.Contains(o.Status));
        if (municipalityCode is not null)
        {
            if (!MunicipalityCode.TryParse(municipalityCode, out var code))
                return [];
            var municipalityId = await db.Municipalities.Where(m => m.Code == code).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            query = query.Where(o => o.MunicipalityId == municipalityId);
        }
        var found = await query.Include(o => o.Locations).AsSplitQuery().Take(10).ToListAsync(ct);
        var ids = found.Select(o => o.MunicipalityId).ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var related = await RelatedAsync(found, ct);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        return found.Select(o => View(o, municipalities[o.MunicipalityId], related, today)).ToList();
    }

    /// <summary>The order a spot is in (not withdrawn), as the resident who applied for that spot may follow it; null when none.</summary>
    public async Task<PublicOrder?> ForSpotAsync(Guid spotId, CancellationToken ct = default)
    {
        var order = await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .Where(o => o.Status != TrafficOrderStatus.Withdrawn && o.Locations.Any(l => l.SpotId == spotId))
            .OrderByDescending(o => o.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (order is null)
            return null;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == order.MunicipalityId, ct);
        return View(order, municipality, await RelatedAsync([order], ct), DutchCalendar.Day(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The public orders these orders amend or are amended by (an amendment is in the same municipality).</summary>
    private async Task<IReadOnlyList<RelatedOrder>> RelatedAsync(IReadOnlyCollection<TrafficOrder> orders, CancellationToken ct)
    {
        if (orders.Count == 0)
            return [];
        var ids = orders.Select(o => o.Id).ToList();
        var amended = orders.Where(o => o.AmendsOrderId is not null).Select(o => o.AmendsOrderId!.Value).ToList();
        return await db.TrafficOrders.AsNoTracking()
            .Where(o => Public.Contains(o.Status) && (amended.Contains(o.Id) || (o.AmendsOrderId != null && ids.Contains(o.AmendsOrderId.Value))))
            .Select(o => new RelatedOrder(o.Id, o.AmendsOrderId, o.Reference, o.Title))
            .ToListAsync(ct);
    }

    /// <summary>What the sender of an objection or view may be shown again on the confirmation page: its reference, day, lateness and dates, not who sent it.</summary>
    public async Task<PublicReceipt?> ReceiptAsync(Guid orderId, string objectionReference, CancellationToken ct = default)
    {
        var objection = await db.TrafficOrderObjections.AsNoTracking().FirstOrDefaultAsync(o => o.TrafficOrderId == orderId && o.Reference == objectionReference, ct);
        if (objection is null)
            return null;
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        return new PublicReceipt(objection.Reference, objection.Kind, objection.ReceivedOn, objection.IsLate,
            objection.Kind == ObjectionKind.Objection ? objection.DecisionTerm(orders.Calendar).LastDay(today) : null);
    }

    private PublicOrder View(TrafficOrder o, Municipality municipality, IReadOnlyList<RelatedOrder> related, DateOnly today)
    {
        PublicOrderReference Link(RelatedOrder r) => new(r.Reference, r.Title, PublicOrderLinks.PathOf(municipality.Code.Value, r.Reference));
        var amends = related.Where(r => r.Id == o.AmendsOrderId).Select(Link).FirstOrDefault();
        var amendedBy = related.Where(r => r.AmendsOrderId == o.Id).OrderBy(r => r.Reference, StringComparer.Ordinal).Select(Link).ToList();
        var views = o.ViewsTerm(orders.Calendar);
        var objections = o.ObjectionTerm(orders.Calendar);
        var takesViews = o.Status is TrafficOrderStatus.DraftPublished or TrafficOrderStatus.ViewsReceived;
        var takesObjections = o.Route == TrafficOrderRoute.Direct && o.Status is TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived or TrafficOrderStatus.Final;
        var term = takesViews ? views : objections;
        return new PublicOrder(o.Id, o.Reference, o.Title, municipality.Code.Value, municipality.Name, o.Route, o.Status,
            takesViews ? o.DraftPublishedOn : o.PublishedOn, takesViews ? o.DraftJournalReference : o.JournalReference,
            term?.LastDay, term is not null && !term.HasLapsed(today),
            takesViews ? ObjectionKind.View : takesObjections ? ObjectionKind.Objection : null,
            o.Locations.OrderBy(l => l.Street, StringComparer.Ordinal).ThenBy(l => l.NearestHouseNumber, StringComparer.Ordinal)
                .Select(l => new PublicOrderLocation(l.Street, l.NearestHouseNumber, l.Bays, l.Sign.RvvCode, l.SubSign, l.TimeWindow, l.MaxParkingMinutes, l.RdX, l.RdY)).ToList(),
            amends, amendedBy);
    }

    private sealed record RelatedOrder(Guid Id, Guid? AmendsOrderId, string Reference, string Title);
}

/// <summary>
/// An order as its public page shows it. <see cref="TermLastDay"/> is the last day for views (draft) or objections (or
/// appeal after public preparation), null before publication; <see cref="Accepts"/> is what the page's form takes in now:
/// a view, an objection (also late), or nothing.
/// </summary>
public sealed record PublicOrder(Guid Id, string Reference, string Title, string MunicipalityCode, string MunicipalityName, TrafficOrderRoute Route,
    TrafficOrderStatus Status, DateOnly? PublishedOn, string? JournalReference, DateOnly? TermLastDay, bool TermRunning, ObjectionKind? Accepts,
    IReadOnlyList<PublicOrderLocation> Locations, PublicOrderReference? Amends, IReadOnlyList<PublicOrderReference> AmendedBy)
{
    public string Path => PublicOrderLinks.PathOf(MunicipalityCode, Reference);

    /// <summary>The journal's page when the reference is an address, or the national search for an identifier like "gmb-2026-123456".</summary>
    public string? JournalLink => JournalReference switch
    {
        null => null,
        var r when Uri.TryCreate(r, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" => uri.ToString(),
        var r => $"https://zoek.officielebekendmakingen.nl/{Uri.EscapeDataString(r)}.html",
    };
}

/// <summary>Another public order of the same municipality that this one amends or is amended by.</summary>
public sealed record PublicOrderReference(string Reference, string Title, string Path);

/// <summary>An objection or view as its confirmation page shows it; <see cref="DecisionDue"/> only for an objection.</summary>
internal sealed record PublicReceipt(string Reference, ObjectionKind Kind, DateOnly ReceivedOn, bool IsLate, DateOnly? DecisionDue);

public sealed record PublicOrderLocation(string Street, string? NearestHouseNumber, int Bays, string RvvCode, string SubSign, string? TimeWindow, int? MaxParkingMinutes, double RdX, double RdY);
