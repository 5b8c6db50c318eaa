using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Applications;
using Portal.Features.Accounts;
using Portal.Features.Applications;
using Portal.Integration.Persistence;

namespace Portal.Features.Assessment;

/// <summary>
/// The officer's queue: the applications of their municipalities (never drafts), filtered,
/// searched, sorted and paged in the database, with the counts per status and the decision
/// deadline of each row. The deadline depends on the municipality's settings, the Dutch calendar
/// day and the information pauses, which SQL cannot count; so only when the officer filters on
/// "overdue" or sorts on the deadline does the query read the few columns the deadline needs for
/// the filtered rows (narrowed in the database to those old enough to be overdue), order and page
/// their ids here, and then load only that page.
/// </summary>
internal sealed class QueueQueries(
    PortalDbContext db,
    TenantAccess tenants,
    ApplicationAccess access,
    ApplicationPolicySource policies,
    UserManager<Integration.Accounts.PortalUser> users,
    TimeProvider clock)
{
    /// <summary>The status in the order of the enum (the column holds its name, which sorts alphabetically).</summary>
    private static readonly Expression<Func<Application, int>> StatusOrder = BuildStatusOrder();

    /// <summary>One page of the queue and the counts per status of all the officer's applications (not only the filtered ones).</summary>
    public async Task<QueueResult> PageAsync(ClaimsPrincipal officer, QueueFilter filter, GridQuery grid, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var counts = await Visible(municipalities).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var (rows, total) = await RowsAsync(officer, municipalities, filter, grid, null, paged: true, ct);
        return new QueueResult(new GridPage<QueueRow>(rows, total), counts);
    }

    /// <summary>
    /// Every row the filter and search match, in the grid's order, for the export; with
    /// <paramref name="ids"/> only those (and still only the officer's own applications).
    /// </summary>
    public async Task<IReadOnlyList<QueueRow>> AllAsync(ClaimsPrincipal officer, QueueFilter filter, GridQuery grid, IReadOnlyCollection<Guid>? ids = null, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return (await RowsAsync(officer, municipalities, filter, grid, ids, paged: false, ct)).Rows;
    }

    private async Task<(IReadOnlyList<QueueRow> Rows, int Total)> RowsAsync(
        ClaimsPrincipal officer, IReadOnlyList<Guid> municipalities, QueueFilter filter, GridQuery grid, IReadOnlyCollection<Guid>? ids, bool paged, CancellationToken ct)
    {
        var me = users.GetUserId(officer);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await SettingsAsync(municipalities, ct);
        var query = Filtered(Visible(municipalities), filter, grid.Search, me, now);
        if (ids is not null)
            query = query.Where(a => ids.Contains(a.Id));
        if (filter.OverdueOnly)
        {
            // Pauses and the extension only move a deadline later: nothing submitted less than the
            // shortest decision term ago can be overdue.
            var shortest = settings.Count == 0 ? DecisionDeadlineSettings.MaxWeeks : settings.Values.Min(s => s.DecisionWeeks);
            var latest = now.AddDays(-(shortest * 7) + 1);
            query = query.Where(a => a.ClosedAtUtc == null && a.SubmittedAtUtc != null && a.SubmittedAtUtc < latest);
        }

        if (filter.OverdueOnly || grid.SortKey == QueueFilter.DeadlineSort)
        {
            var keys = await query.Select(a => new
            {
                a.Id, a.MunicipalityId, a.SubmittedAtUtc, a.ClosedAtUtc, a.DeadlineExtendedAtUtc,
                Pauses = a.InformationRequests.Select(r => new InformationPause(r.RequestedAtUtc, r.AnsweredAtUtc)).ToList(),
            }).ToListAsync(ct);
            var withDeadline = keys.Select(k => (k.Id, k.SubmittedAtUtc, Deadline: DeadlineOf(k.SubmittedAtUtc, k.ClosedAtUtc, settings[k.MunicipalityId], k.Pauses, k.DeadlineExtendedAtUtc, now)));
            if (filter.OverdueOnly)
                withDeadline = withDeadline.Where(k => k.Deadline?.IsOverdue == true);
            withDeadline = grid.SortKey != QueueFilter.DeadlineSort
                ? withDeadline.OrderBy(k => k.SubmittedAtUtc).ThenBy(k => k.Id)
                : grid.Descending
                    ? withDeadline.OrderByDescending(k => k.Deadline?.LastDayUtc ?? DateTime.MinValue).ThenBy(k => k.SubmittedAtUtc).ThenBy(k => k.Id)
                    : withDeadline.OrderBy(k => k.Deadline?.LastDayUtc ?? DateTime.MaxValue).ThenBy(k => k.SubmittedAtUtc).ThenBy(k => k.Id);
            if (filter.OverdueOnly && grid.SortKey != QueueFilter.DeadlineSort)
            {
                // Overdue rows sorted on a database column: the ids narrow, the database sorts and pages.
                var overdue = withDeadline.Select(k => k.Id).ToList();
                var sorted = Sorted(query.Where(a => overdue.Contains(a.Id)), grid);
                return (await ProjectAsync(paged ? sorted.Skip(grid.Skip).Take(grid.PageSize) : sorted, settings, me, now, ct), overdue.Count);
            }
            var all = withDeadline.Select(k => k.Id).ToList();
            var page = paged ? all.Skip(grid.Skip).Take(grid.PageSize).ToList() : all;
            var rows = await ProjectAsync(query.Where(a => page.Contains(a.Id)), settings, me, now, ct);
            var position = page.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            return (rows.OrderBy(r => position[r.Id]).ToList(), all.Count);
        }

        var total = paged ? await query.CountAsync(ct) : 0;
        var ordered = Sorted(query, grid);
        var result = await ProjectAsync(paged ? ordered.Skip(grid.Skip).Take(grid.PageSize) : ordered, settings, me, now, ct);
        return (result, paged ? total : result.Count);
    }

    private static IQueryable<Application> Filtered(IQueryable<Application> query, QueueFilter filter, string? search, string? me, DateTime now)
    {
        query = filter.Status switch
        {
            null or "" or QueueFilter.OpenStatuses => query.Where(ApplicationFilters.IsOpen),
            QueueFilter.AllStatuses => query,
            var text when QueueFilter.StatusOf(text) is { } status => query.Where(a => a.Status == status),
            _ => query.Where(ApplicationFilters.IsOpen),
        };
        if (!string.IsNullOrWhiteSpace(filter.District))
            query = filter.District == QueueFilter.NoDistrict ? query.Where(a => a.District == null) : query.Where(a => a.District == filter.District);
        if (filter.Advice is { } advice)
            query = query.Where(a => a.Advice == advice);
        query = filter.Assigned switch
        {
            null or "" => query,
            QueueFilter.AssignedToMe => query.Where(a => a.AssignedOfficerId == me),
            QueueFilter.Unassigned => query.Where(a => a.AssignedOfficerId == null),
            var id => query.Where(a => a.AssignedOfficerId == id),
        };
        if (filter.MinimumAgeDays is > 0 and var days)
        {
            var before = now.AddDays(-days);
            query = query.Where(a => a.SubmittedAtUtc <= before);
        }
#pragma warning disable CA1304, CA1305 // runs in the database: EF Core translates ToLower() and ToString() to SQL
        if (search is not null)
        {
            // The reference and the address as typed ("zijpendaalseweg 12"); the postcode and the plate also without spaces or dashes.
            var pattern = SearchPattern.Contains(search);
            var compact = new string([.. search.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant();
            var compactPattern = SearchPattern.Contains(compact);
            var hasCompact = compact.Length > 0;
            query = query.Where(a =>
                EF.Functions.Like(a.Reference.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like((a.Street + " " + a.HouseNumber.ToString() + (a.HouseNumberAddition ?? "")).ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(a.Street.ToLower(), pattern, SearchPattern.Escape)
                || (hasCompact && EF.Functions.Like(a.Postcode.ToLower(), compactPattern, SearchPattern.Escape))
                || (hasCompact && a.LicencePlate != null && EF.Functions.Like(a.LicencePlate.Replace("-", "").ToLower(), compactPattern, SearchPattern.Escape)));
        }
#pragma warning restore CA1304, CA1305
        return query;
    }

    /// <summary>The grid's sort in the database, each with a stable tie-breaker; the oldest submission first by default.</summary>
    private static IQueryable<Application> Sorted(IQueryable<Application> query, GridQuery grid) => (grid.SortKey, grid.Descending) switch
    {
        ("reference", false) => query.OrderBy(a => a.Reference),
        ("reference", true) => query.OrderByDescending(a => a.Reference),
        ("address", false) => query.OrderBy(a => a.Street).ThenBy(a => a.HouseNumber).ThenBy(a => a.HouseNumberAddition).ThenBy(a => a.Reference),
        ("address", true) => query.OrderByDescending(a => a.Street).ThenByDescending(a => a.HouseNumber).ThenByDescending(a => a.HouseNumberAddition).ThenBy(a => a.Reference),
        ("district", false) => query.OrderBy(a => a.District ?? "").ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        ("district", true) => query.OrderByDescending(a => a.District ?? "").ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        ("status", false) => query.OrderBy(StatusOrder).ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        ("status", true) => query.OrderByDescending(StatusOrder).ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        ("assignedofficername", false) => query.OrderBy(a => a.AssignedOfficerName == null).ThenBy(a => a.AssignedOfficerName).ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        ("assignedofficername", true) => query.OrderBy(a => a.AssignedOfficerName == null).ThenByDescending(a => a.AssignedOfficerName).ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        (_, true) => query.OrderByDescending(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
        _ => query.OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Reference),
    };

    private static async Task<IReadOnlyList<QueueRow>> ProjectAsync(
        IQueryable<Application> query, Dictionary<Guid, DecisionDeadlineSettings> settings, string? me, DateTime now, CancellationToken ct)
    {
        var rows = await query.Select(a => new
        {
            a.Id, a.Reference, a.MunicipalityId, a.Status, a.District, a.Street, a.HouseNumber, a.HouseNumberAddition, a.Postcode,
            a.SubmittedAtUtc, a.ClosedAtUtc, a.DeadlineExtendedAtUtc, a.AssignedOfficerId, a.AssignedOfficerName, a.Advice,
            Pauses = a.InformationRequests.Select(r => new InformationPause(r.RequestedAtUtc, r.AnsweredAtUtc)).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var address = r.HouseNumber is null ? r.Postcode : $"{r.Street} {r.HouseNumber}{r.HouseNumberAddition}".Trim();
            return new QueueRow(r.Id, r.Reference, r.Status, r.District, address, r.SubmittedAtUtc, r.AssignedOfficerName, r.AssignedOfficerId is not null && r.AssignedOfficerId == me,
                r.Advice, DeadlineOf(r.SubmittedAtUtc, r.ClosedAtUtc, settings[r.MunicipalityId], r.Pauses, r.DeadlineExtendedAtUtc, now), r.ClosedAtUtc);
        }).ToList();
    }

    private static QueueDeadline? DeadlineOf(DateTime? submittedAtUtc, DateTime? closedAtUtc, DecisionDeadlineSettings settings, List<InformationPause> pauses, DateTime? extendedAtUtc, DateTime now) =>
        submittedAtUtc is { } submitted && closedAtUtc is null
            ? QueueDeadline.From(DecisionDeadline.For(submitted, settings, pauses, extendedAtUtc), now)
            : null;

    private static Expression<Func<Application, int>> BuildStatusOrder()
    {
        var a = Expression.Parameter(typeof(Application), "a");
        var status = Expression.Property(a, nameof(Application.Status));
        Expression order = Expression.Constant(int.MaxValue);
        foreach (var value in Enum.GetValues<ApplicationStatus>().Reverse())
            order = Expression.Condition(Expression.Equal(status, Expression.Constant(value)), Expression.Constant((int)value), order);
        return Expression.Lambda<Func<Application, int>>(order, a);
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

    /// <summary>
    /// One application as the officer's page shows it: the application with its history, documents and
    /// questions, its deadline today, the length of the one extension, and what it links to; null when it
    /// is not one of the officer's (another municipality's, a draft, or no such id).
    /// </summary>
    public async Task<OfficerApplicationDetail?> DetailAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default)
    {
        if (await access.ForOfficerAsync(officer, id, ct) is not { } application)
            return null;
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var deadline = application.IsOpen && application.Deadline(policy.Deadline) is { } d ? QueueDeadline.From(d, now) : null;
        var me = users.GetUserId(officer);
        return new OfficerApplicationDetail(application, deadline, policy.Deadline.ExtensionWeeks, await RelatedAsync(application, ct),
            application.AssignedOfficerId is not null && application.AssignedOfficerId == me);
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
        var rows = await db.Applications.AsNoTracking().Where(ApplicationFilters.IsOpen).Where(a => municipalityIds.Contains(a.MunicipalityId))
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
    /// Figures that survive the removal of personal data (status, district, dates): the number of
    /// applications per district, and the median number of days from submission to decision, over all
    /// and per district.
    /// </summary>
    public async Task<QueueStatistics> StatisticsAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var visible = Visible(await tenants.MunicipalitiesOfAsync(officer, ct));
        var byDistrict = await visible.GroupBy(a => a.District).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var decided = await visible
            .Where(a => a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.ReferredToExistingPoint || a.Status == ApplicationStatus.Rejected)
            .Where(a => a.SubmittedAtUtc != null && a.ClosedAtUtc != null)
            .Select(a => new { a.District, a.SubmittedAtUtc, a.ClosedAtUtc }).ToListAsync(ct);
        var days = decided.Select(d => (District: d.District, Days: (d.ClosedAtUtc!.Value - d.SubmittedAtUtc!.Value).TotalDays)).ToList();
        return new QueueStatistics(
            byDistrict.Select(d =>
                {
                    var inDistrict = days.Where(x => x.District == d.Key).Select(x => x.Days).ToList();
                    return new DistrictCount(d.Key, d.Count, inDistrict.Count, Median(inDistrict));
                })
                .OrderByDescending(d => d.Count).ThenBy(d => d.District, StringComparer.CurrentCulture).ToList(),
            decided.Count,
            Median(days.Select(x => x.Days).ToList()));
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

/// <summary>
/// The queue's filters. The address keeps them under the keys the static queue used (status, wijk,
/// advies, behandelaar, ouderdan, verlopen), so old bookmarks open the same view.
/// </summary>
internal sealed record QueueFilter(
    string? Status = null,
    string? District = null,
    PreAssessmentAdvice? Advice = null,
    string? Assigned = null,
    int? MinimumAgeDays = null,
    bool OverdueOnly = false)
{
    public const string OpenStatuses = "open";
    public const string AllStatuses = "alle";
    public const string AssignedToMe = "mij";
    public const string Unassigned = "niemand";
    public const string NoDistrict = "-";

    /// <summary>The sort key of the deadline column (a lower-cased property name, as <see cref="GridQuery.SortKey"/> gives it).</summary>
    public const string DeadlineSort = "deadline";

    public static readonly int[] AgeChoices = [7, 14, 28, 42, 56];

    /// <summary>The Dutch sort keys of the old queue's column links, for old bookmarks, and the grid's column each means.</summary>
    private static readonly Dictionary<string, string> OldSortKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kenmerk"] = nameof(QueueRow.Reference),
        ["wijk"] = nameof(QueueRow.District),
        ["status"] = nameof(QueueRow.Status),
        ["ingediend"] = nameof(QueueRow.SubmittedAtUtc),
        ["termijn"] = nameof(QueueRow.Deadline),
    };

    /// <summary>The filter as the page address carries it.</summary>
    public static QueueFilter FromUri(string uri)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Value(string key) => query.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 and <= 100 } s ? s : null;
        var status = Value("status") switch
        {
            null => null,
            OpenStatuses or AllStatuses => Value("status"),
            var text => StatusOf(text)?.ToString(),
        };
        var advice = Enum.TryParse<PreAssessmentAdvice>(Value("advies"), ignoreCase: true, out var a) && Enum.IsDefined(a) ? a : (PreAssessmentAdvice?)null;
        var age = int.TryParse(Value("ouderdan"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days > 0 ? days : (int?)null;
        var overdue = Value("verlopen") is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new QueueFilter(status, Value("wijk"), advice, Value("behandelaar"), age, overdue);
    }

    /// <summary>The filter keys for <see cref="GridQuery.ToUri"/>; what is at its default stays out.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["status"] = Status is null or OpenStatuses ? null : Status,
        ["wijk"] = District,
        ["advies"] = Advice?.ToString(),
        ["behandelaar"] = Assigned,
        ["ouderdan"] = MinimumAgeDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["verlopen"] = OverdueOnly ? "true" : null,
    };

    /// <summary>A status named in the address (not a draft: those are the resident's own).</summary>
    public static ApplicationStatus? StatusOf(string? text) =>
        Enum.TryParse<ApplicationStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && status != ApplicationStatus.Draft
            && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) ? status : null;

    /// <summary>The grid's column for a sort key in the address, also for the old queue's Dutch keys.</summary>
    public static GridQuery WithGridSortKey(GridQuery grid) =>
        grid.Sort is { } sort && OldSortKeys.TryGetValue(sort, out var column) ? grid with { Sort = column } : grid;
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

internal sealed record QueueResult(GridPage<QueueRow> Page, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus);

internal sealed record QueueChoices(IReadOnlyList<string> Districts, IReadOnlyList<OfficerChoice> Officers);

internal sealed record OfficerChoice(string Id, string Name);

internal sealed record RelatedThing(Guid Id, string Label);

internal sealed record OfficerRelated(IReadOnlyDictionary<Guid, string> References, RelatedThing? Spot, RelatedThing? ChargeLocation);

/// <summary>An application on the officer's page: see <see cref="QueueQueries.DetailAsync"/>.</summary>
internal sealed record OfficerApplicationDetail(Application Application, QueueDeadline? Deadline, int ExtensionWeeks, OfficerRelated Related, bool AssignedToMe)
{
    /// <summary>Open and not waiting for the resident's answer.</summary>
    public bool CanDecide => Application.IsOpen && Application.Status != ApplicationStatus.WaitingForInformation;

    /// <summary>The one extension is still there to use, and the term has not passed.</summary>
    public bool CanExtend => Application.IsOpen && Deadline is { IsExtended: false, IsOverdue: false };
}

internal sealed record QueueSummary(int Open, int Overdue);

/// <summary>One district's figures: applications (not drafts), decisions, and the median days from submission to decision (null without decisions).</summary>
internal sealed record DistrictCount(string? District, int Count, int Decided, double? MedianDaysToDecision);

internal sealed record QueueStatistics(IReadOnlyList<DistrictCount> ByDistrict, int Decided, double? MedianDaysToDecision);
