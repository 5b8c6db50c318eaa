using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// The officer's queue: the applications of their municipalities (never drafts), filtered, sorted
/// and paged, with the decision deadline of each. The deadline depends on the municipality's
/// settings and on the information pauses, so rows are filtered in the database first and the
/// deadline filter, sort and paging run in memory on what is left (a municipality's applications
/// are hundreds, not millions).
/// </summary>
internal sealed class QueueQueries(PortalDbContext db, TenantAccess tenants, ApplicationPolicySource policies, UserManager<Integration.Accounts.PortalUser> users, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Submitted, in assessment or waiting for information: the statuses an officer still has to act on.</summary>
    public static readonly Expression<Func<Application, bool>> IsOpen = a =>
        a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InAssessment || a.Status == ApplicationStatus.WaitingForInformation;

    public async Task<QueueResult> ListAsync(ClaimsPrincipal officer, QueueFilter filter, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var all = Visible(municipalities);
        var counts = await all.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var query = all;
        query = filter.Status switch
        {
            null or "" or QueueFilter.OpenStatuses => query.Where(IsOpen),
            QueueFilter.AllStatuses => query,
            var text when Enum.TryParse<ApplicationStatus>(text, ignoreCase: true, out var status) => query.Where(a => a.Status == status),
            _ => query.Where(IsOpen),
        };
        if (!string.IsNullOrWhiteSpace(filter.District))
            query = filter.District == QueueFilter.NoDistrict ? query.Where(a => a.District == null) : query.Where(a => a.District == filter.District);
        if (filter.Advice is { } advice)
            query = query.Where(a => a.Advice == advice);
        var me = users.GetUserId(officer);
        query = filter.Assigned switch
        {
            null or "" => query,
            QueueFilter.AssignedToMe => query.Where(a => a.AssignedOfficerId == me),
            QueueFilter.Unassigned => query.Where(a => a.AssignedOfficerId == null),
            var id => query.Where(a => a.AssignedOfficerId == id),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        if (filter.MinimumAgeDays is > 0 and var days)
        {
            var before = now.AddDays(-days);
            query = query.Where(a => a.SubmittedAtUtc <= before);
        }

        var rows = await query.Select(a => new
        {
            a.Id, a.Reference, a.MunicipalityId, a.Status, a.District, a.Street, a.HouseNumber, a.HouseNumberAddition, a.Postcode,
            a.SubmittedAtUtc, a.ClosedAtUtc, a.DeadlineExtendedAtUtc, a.AssignedOfficerId, a.AssignedOfficerName, a.Advice,
            Pauses = a.InformationRequests.Select(r => new InformationPause(r.RequestedAtUtc, r.AnsweredAtUtc)).ToList(),
        }).ToListAsync(ct);

        var settings = await SettingsAsync(rows.Select(r => r.MunicipalityId), ct);
        var items = rows.Select(r =>
        {
            QueueDeadline? deadline = null;
            if (r.SubmittedAtUtc is { } submitted && r.ClosedAtUtc is null)
                deadline = QueueDeadline.From(DecisionDeadline.For(submitted, settings[r.MunicipalityId], r.Pauses, r.DeadlineExtendedAtUtc), now);
            var address = r.HouseNumber is null ? r.Postcode : $"{r.Street} {r.HouseNumber}{r.HouseNumberAddition}".Trim();
            return new QueueRow(r.Id, r.Reference, r.Status, r.District, address, r.SubmittedAtUtc, r.AssignedOfficerName, r.AssignedOfficerId == me, r.Advice, deadline, r.ClosedAtUtc);
        });
        if (filter.OverdueOnly)
            items = items.Where(r => r.Deadline?.IsOverdue == true);

        items = (filter.Sort, filter.Descending) switch
        {
            ("termijn", false) => items.OrderBy(r => r.Deadline?.LastDayUtc ?? DateTime.MaxValue).ThenBy(r => r.SubmittedAtUtc),
            ("termijn", true) => items.OrderByDescending(r => r.Deadline?.LastDayUtc ?? DateTime.MinValue).ThenBy(r => r.SubmittedAtUtc),
            ("kenmerk", false) => items.OrderBy(r => r.Reference, StringComparer.Ordinal),
            ("kenmerk", true) => items.OrderByDescending(r => r.Reference, StringComparer.Ordinal),
            ("wijk", false) => items.OrderBy(r => r.District ?? "", StringComparer.CurrentCulture).ThenBy(r => r.SubmittedAtUtc),
            ("wijk", true) => items.OrderByDescending(r => r.District ?? "", StringComparer.CurrentCulture).ThenBy(r => r.SubmittedAtUtc),
            ("status", false) => items.OrderBy(r => r.Status).ThenBy(r => r.SubmittedAtUtc),
            ("status", true) => items.OrderByDescending(r => r.Status).ThenBy(r => r.SubmittedAtUtc),
            (_, true) => items.OrderByDescending(r => r.SubmittedAtUtc),
            _ => items.OrderBy(r => r.SubmittedAtUtc),
        };
        var list = items.ToList();
        var pageCount = Math.Max(1, (int)Math.Ceiling(list.Count / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pageCount);
        return new QueueResult(list.Skip((page - 1) * PageSize).Take(PageSize).ToList(), list.Count, page, pageCount, counts);
    }

    /// <summary>What the filter's drop-downs offer: the districts and the officers that occur in the officer's applications.</summary>
    public async Task<QueueChoices> ChoicesAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var visible = Visible(await tenants.MunicipalitiesOfAsync(officer, ct));
        var districts = await visible.Where(a => a.District != null).Select(a => a.District!).Distinct().ToListAsync(ct);
        var officers = await visible.Where(a => a.AssignedOfficerId != null)
            .Select(a => new { a.AssignedOfficerId, a.AssignedOfficerName }).Distinct().ToListAsync(ct);
        return new QueueChoices(
            districts.Order(StringComparer.CurrentCulture).ToList(),
            officers.GroupBy(o => o.AssignedOfficerId!).Select(g => new OfficerChoice(g.Key, g.First().AssignedOfficerName ?? g.Key))
                .OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>What the officer's detail page links to: the references of grouped and duplicate applications, the spot, the referred charge point.</summary>
    public async Task<OfficerRelated> RelatedAsync(Application application, CancellationToken ct = default)
    {
        var ids = application.Findings.SelectMany(f => f.RelatedApplicationIds ?? []).Distinct().ToList();
        var references = ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id) && a.MunicipalityId == application.MunicipalityId)
                .ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        var spot = application.SpotId is { } spotId
            ? await db.Spots.AsNoTracking().Where(s => s.Id == spotId).Select(s => new RelatedThing(s.Id, s.Address)).SingleOrDefaultAsync(ct)
            : null;
        var location = application.ReferredChargeLocationId is { } locationId
            ? await db.ChargeLocations.AsNoTracking().Where(l => l.Id == locationId)
                .Select(l => new RelatedThing(l.Id, l.Address == "" ? l.Name : l.Address + " (" + l.OperatorName + ")")).SingleOrDefaultAsync(ct)
            : null;
        return new OfficerRelated(references, spot, location);
    }

    /// <summary>Open and overdue applications per municipality, for the officer's overview.</summary>
    public async Task<IReadOnlyDictionary<Guid, QueueSummary>> SummaryAsync(IReadOnlyCollection<Guid> municipalityIds, CancellationToken ct = default)
    {
        var rows = await db.Applications.AsNoTracking().Where(IsOpen).Where(a => municipalityIds.Contains(a.MunicipalityId))
            .Select(a => new { a.MunicipalityId, a.SubmittedAtUtc, a.DeadlineExtendedAtUtc, Pauses = a.InformationRequests.Select(r => new InformationPause(r.RequestedAtUtc, r.AnsweredAtUtc)).ToList() })
            .ToListAsync(ct);
        var settings = await SettingsAsync(rows.Select(r => r.MunicipalityId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return municipalityIds.ToDictionary(id => id, id =>
        {
            var mine = rows.Where(r => r.MunicipalityId == id && r.SubmittedAtUtc is not null).ToList();
            var overdue = mine.Count(r => DecisionDeadline.For(r.SubmittedAtUtc!.Value, settings[id], r.Pauses, r.DeadlineExtendedAtUtc).IsOverdue(now));
            return new QueueSummary(mine.Count, overdue);
        });
    }

    /// <summary>
    /// Figures that survive the removal of personal data (status, district, dates): counts per
    /// status and per district, and the median number of days from submission to decision.
    /// </summary>
    public async Task<QueueStatistics> StatisticsAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var visible = Visible(await tenants.MunicipalitiesOfAsync(officer, ct));
        var byDistrict = await visible.GroupBy(a => a.District).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var decided = await visible
            .Where(a => a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.ReferredToExistingPoint || a.Status == ApplicationStatus.Rejected)
            .Where(a => a.SubmittedAtUtc != null && a.ClosedAtUtc != null)
            .Select(a => new { a.SubmittedAtUtc, a.ClosedAtUtc }).ToListAsync(ct);
        var days = decided.Select(d => (d.ClosedAtUtc!.Value - d.SubmittedAtUtc!.Value).TotalDays).ToList();
        return new QueueStatistics(
            byDistrict.Select(d => new DistrictCount(d.Key, d.Count)).OrderByDescending(d => d.Count).ThenBy(d => d.District, StringComparer.CurrentCulture).ToList(),
            decided.Count,
            Median(days));
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count), in whole days rounded half up; null without data.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private IQueryable<Application> Visible(IReadOnlyCollection<Guid> municipalities) =>
        db.Applications.AsNoTracking().Where(a => municipalities.Contains(a.MunicipalityId) && a.Status != ApplicationStatus.Draft);

    private async Task<Dictionary<Guid, DecisionDeadlineSettings>> SettingsAsync(IEnumerable<Guid> municipalityIds, CancellationToken ct)
    {
        var settings = new Dictionary<Guid, DecisionDeadlineSettings>();
        foreach (var id in municipalityIds.Distinct())
            settings[id] = (await policies.GetAsync(id, ct)).Deadline;
        return settings;
    }
}

/// <summary>The queue's filter as the query string carries it.</summary>
internal sealed record QueueFilter(
    string? Status = null,
    string? District = null,
    PreAssessmentAdvice? Advice = null,
    string? Assigned = null,
    int? MinimumAgeDays = null,
    bool OverdueOnly = false,
    string? Sort = null,
    bool Descending = false,
    int Page = 1)
{
    public const string OpenStatuses = "open";
    public const string AllStatuses = "alle";
    public const string AssignedToMe = "mij";
    public const string Unassigned = "niemand";
    public const string NoDistrict = "-";
}

internal sealed record QueueRow(
    Guid Id,
    string Reference,
    ApplicationStatus Status,
    string? District,
    string Address,
    DateTime? SubmittedAtUtc,
    string? AssignedOfficerName,
    bool AssignedToMe,
    PreAssessmentAdvice? Advice,
    QueueDeadline? Deadline,
    DateTime? ClosedAtUtc);

/// <summary>A deadline as the queue shows it, computed once for "now".</summary>
public sealed record QueueDeadline(DateTime LastDayUtc, int DaysLeft, bool IsOverdue, bool IsPaused, bool IsExtended)
{
    /// <summary>Within this many days the deadline is shown as near (and the daily reminder starts).</summary>
    public const int NearDays = 7;

    public bool IsNear => !IsOverdue && DaysLeft <= NearDays;

    public static QueueDeadline From(DecisionDeadline deadline, DateTime nowUtc) =>
        new(deadline.LastDayUtc(nowUtc), deadline.DaysLeft(nowUtc), deadline.IsOverdue(nowUtc), deadline.IsPaused, deadline.IsExtended);
}

internal sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total, int Page, int PageCount, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus);

internal sealed record QueueChoices(IReadOnlyList<string> Districts, IReadOnlyList<OfficerChoice> Officers);

internal sealed record OfficerChoice(string Id, string Name);

internal sealed record RelatedThing(Guid Id, string Label);

internal sealed record OfficerRelated(IReadOnlyDictionary<Guid, string> References, RelatedThing? Spot, RelatedThing? ChargeLocation);

internal sealed record QueueSummary(int Open, int Overdue);

internal sealed record DistrictCount(string? District, int Count);

internal sealed record QueueStatistics(IReadOnlyList<DistrictCount> ByDistrict, int Decided, double? MedianDaysToDecision);
