using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Features.Accounts;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Features.ChargePoints;

/// <summary>
/// The append-only status events of one EVSE, newest first, for officers of the location's
/// municipality and for admins.
/// </summary>
internal sealed class EvseStatusHistoryQueries(PortalDbContext db, TenantAccess tenants)
{
    public const int PageSize = 50;

    /// <summary>Null when the EVSE does not exist or the person may not see it (the same answer, so nothing leaks).</summary>
    public async Task<EvseStatusHistory?> FindAsync(Guid locationId, string evseUid, ClaimsPrincipal user, int page, CancellationToken ct = default)
    {
        var location = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleOrDefaultAsync(l => l.Id == locationId, ct);
        var evse = location?.Evses.FirstOrDefault(e => string.Equals(e.Uid, evseUid, StringComparison.OrdinalIgnoreCase));
        if (location is null || evse is null)
            return null;
        if (!user.IsInRole(PortalRoles.Admin) && !(await tenants.MunicipalitiesOfAsync(user, ct)).Contains(location.MunicipalityId))
            return null;

        var events = db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId == location.SourceId && e.EvseUid == evse.Uid);
        var total = await events.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var current = Math.Clamp(page, 1, pageCount);
        var rows = await events.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(e => new StatusEventRow(e.Status, e.OccurredAtUtc, e.ReceivedAtUtc, e.Source))
            .ToListAsync(ct);
        var title = string.IsNullOrWhiteSpace(location.Address) ? location.Name : location.Address;
        return new EvseStatusHistory(location.Id, title, evse.EvseId ?? evse.Uid, rows, total, current, pageCount);
    }
}

public sealed record EvseStatusHistory(Guid LocationId, string LocationTitle, string EvseLabel, IReadOnlyList<StatusEventRow> Rows, int Total, int Page, int PageCount);

public sealed record StatusEventRow(string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc, EvseStatusSource Source);
