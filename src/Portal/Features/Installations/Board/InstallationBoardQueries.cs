using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Components.BackOffice;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using Portal.Features.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations.Board;

/// <summary>
/// The installation board: every case the reader may see (officers their municipalities', CPO users their operator's,
/// administrators all). What is overdue is computed from the steps with the traffic orders' calendar, so the matching
/// cases are read with their steps and sorted in memory; a municipality has hundreds of cases, not millions.
/// </summary>
internal sealed class InstallationBoardQueries(PortalDbContext db, InstallationAccess access, IOptions<TrafficOrderOptions> options, TimeProvider clock)
{
    private readonly TermsCalendar _calendar = TermsCalendar.Default.With(options.Value.EquatedDays);

    private DateOnly Today => DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);

    public async Task<InstallationBoardResult> ListAsync(ClaimsPrincipal user, GridQuery grid, InstallationBoardFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Readable(await access.ViewerAsync(user, ct));
        if (filter.OperatorId is { } operatorId)
            query = query.Where(c => c.OperatorId == operatorId);
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(c => c.MunicipalityId == municipalityId);
        if (filter.Status is { } status)
            query = query.Where(c => c.Status == status);
        if (filter.OlderThanMonths is { } months)
        {
            var before = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
            query = query.Where(c => c.CreatedAtUtc < before);
        }
        if (!string.IsNullOrWhiteSpace(grid.Search))
        {
            var pattern = $"%{grid.Search.Trim()}%";
            var spots = db.Spots.Where(s => EF.Functions.Like(s.Address, pattern)).Select(s => s.Id);
            query = query.Where(c => EF.Functions.Like(c.Reference, pattern) || spots.Contains(c.SpotId));
        }
        var rows = await RowsAsync(await query.Include(c => c.Steps).AsSplitQuery().ToListAsync(ct), ct);
        if (filter.District is { Length: > 0 } district)
            rows = [.. rows.Where(r => r.District == district)];
        if (filter.OnlyOverdue)
            rows = [.. rows.Where(r => r.IsOverdue)];
        // Counted before the step filter, so the counts show where the other cases are.
        var atStep = rows.Where(r => r.Next is not null && r.Status is InstallationCaseStatus.Open or InstallationCaseStatus.Paused)
            .GroupBy(r => r.Next!.Value).ToDictionary(g => g.Key, g => g.Count());
        var overdueCount = rows.Count(r => r.IsOverdue);
        if (filter.Next is { } next)
            rows = [.. rows.Where(r => r.Next == next)];
        IEnumerable<InstallationBoardRow> sorted = (grid.SortKey, grid.Descending) switch
        {
            ("reference", false) => rows.OrderBy(r => r.Reference, StringComparer.Ordinal),
            ("reference", true) => rows.OrderByDescending(r => r.Reference, StringComparer.Ordinal),
            ("spotaddress", false) => rows.OrderBy(r => r.SpotAddress, StringComparer.CurrentCultureIgnoreCase),
            ("spotaddress", true) => rows.OrderByDescending(r => r.SpotAddress, StringComparer.CurrentCultureIgnoreCase),
            ("district", false) => rows.OrderBy(r => r.District ?? "9999", StringComparer.Ordinal),
            ("district", true) => rows.OrderByDescending(r => r.District ?? "", StringComparer.Ordinal),
            ("operatorname", false) => rows.OrderBy(r => r.OperatorName, StringComparer.CurrentCultureIgnoreCase),
            ("operatorname", true) => rows.OrderByDescending(r => r.OperatorName, StringComparer.CurrentCultureIgnoreCase),
            ("next", false) => rows.OrderBy(r => r.Next ?? (InstallationStep)int.MaxValue),
            ("next", true) => rows.OrderByDescending(r => r.Next ?? 0),
            ("openedon", false) => rows.OrderBy(r => r.OpenedOn),
            ("openedon", true) => rows.OrderByDescending(r => r.OpenedOn),
            ("updatedatutc", false) => rows.OrderBy(r => r.UpdatedAtUtc),
            ("updatedatutc", true) => rows.OrderByDescending(r => r.UpdatedAtUtc),
            // Overdue first (longest late first), then the oldest cases.
            _ => rows.OrderBy(r => r.OverdueSince ?? DateOnly.MaxValue).ThenBy(r => r.OpenedOn).ThenBy(r => r.Reference, StringComparer.Ordinal),
        };
        var list = sorted.ToList();
        return new InstallationBoardResult([.. list.Skip(grid.Skip).Take(grid.PageSize)], list.Count, atStep, overdueCount);
    }

    public async Task<InstallationBoardChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var cases = Readable(await access.ViewerAsync(user, ct));
        var operatorIds = cases.Select(c => c.OperatorId).Distinct();
        var municipalityIds = cases.Select(c => c.MunicipalityId).Distinct();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new BoardChoice(o.Id, o.Name)).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name).Select(m => new BoardChoice(m.Id, m.Name)).ToListAsync(ct);
        var spotIds = await cases.Select(c => c.SpotId).Distinct().ToListAsync(ct);
        var districts = (await DistrictsAsync(spotIds, ct)).Values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return new InstallationBoardChoices(operators, municipalities, districts);
    }

    private IQueryable<InstallationCase> Readable(InstallationViewer viewer)
    {
        var cases = db.InstallationCases.AsNoTracking();
        if (viewer.IsAdmin)
            return cases;
        var municipalities = viewer.Municipalities.ToList();
        var own = viewer.OperatorId;
        return cases.Where(c => municipalities.Contains(c.MunicipalityId) || (own != null && c.OperatorId == own));
    }

    private async Task<List<InstallationBoardRow>> RowsAsync(List<InstallationCase> cases, CancellationToken ct)
    {
        var spotIds = cases.Select(c => c.SpotId).Distinct().ToList();
        var spots = await db.Spots.AsNoTracking().Where(s => spotIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Address, ct);
        var districts = await DistrictsAsync(spotIds, ct);
        var operatorIds = cases.Select(c => c.OperatorId).Distinct().ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var municipalityIds = cases.Select(c => c.MunicipalityId).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var today = Today;
        return [.. cases.Select(c => new InstallationBoardRow(c.Id, c.Reference, c.SpotId, spots.GetValueOrDefault(c.SpotId, ""), districts.GetValueOrDefault(c.SpotId),
            operators.GetValueOrDefault(c.OperatorId, ""), municipalities.GetValueOrDefault(c.MunicipalityId, ""), c.Status, c.IsClosed ? null : c.Next,
            c.OpenedOn, c.Overdue(today, _calendar), c.Missing.Count, c.UpdatedAtUtc))];
    }

    /// <summary>Each spot's PC4: from its address, else from the postcode of the application it was made for.</summary>
    private async Task<Dictionary<Guid, string?>> DistrictsAsync(IReadOnlyCollection<Guid> spotIds, CancellationToken ct)
    {
        var addresses = await db.Spots.AsNoTracking().Where(s => spotIds.Contains(s.Id)).Select(s => new { s.Id, s.Address }).ToListAsync(ct);
        var postcodes = (await db.Applications.AsNoTracking().Where(a => a.SpotId != null && spotIds.Contains(a.SpotId.Value))
                .Select(a => new { SpotId = a.SpotId!.Value, a.Postcode }).ToListAsync(ct))
            .GroupBy(a => a.SpotId).ToDictionary(g => g.Key, g => g.Select(a => a.Postcode).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)));
        return addresses.ToDictionary(s => s.Id, s => PostcodeArea.Of(s.Address, postcodes.GetValueOrDefault(s.Id)));
    }
}
