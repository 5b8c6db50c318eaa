using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Faults;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Faults;

/// <summary>What the public form sends, after the spam guard: which EVSE (optional), what, when, and an optional address.</summary>
internal sealed record FaultReportInput(string? EvseUid, FaultKind Kind, string? Description, DateTime NoticedAtUtc, string? Email);

/// <summary>The result of acknowledging or resolving: nothing, or the problem in the reader's language with nothing saved.</summary>
internal sealed record FaultStepResult(string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Fault reports: received from the public page (no account) and routed to the location's CPO with the maxima of the
/// contract covering the EVSE; acknowledged and resolved by that CPO's users only; read by them and by the officers of
/// the location's municipality (administrators read all). Someone else gets <see cref="UnauthorizedAccessException"/>.
/// </summary>
internal sealed class FaultReportService(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users, FaultMailer mailer,
    IOptions<FaultOptions> options, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private const string ReferenceCode = "ST";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The public location a report can be made on, with its EVSEs; null when there is none.</summary>
    public async Task<ChargeLocation?> LocationAsync(Guid locationId, CancellationToken ct = default) =>
        await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleOrDefaultAsync(l => l.Id == locationId, ct);

    /// <summary>Stores the report with a new reference and puts the mails to the CPO's users in the same save. Throws <see cref="DomainRuleViolated"/> on bad input.</summary>
    public async Task<string> ReceiveAsync(Guid locationId, FaultReportInput input, CancellationToken ct = default)
    {
        var location = await LocationAsync(locationId, ct) ?? throw new KeyNotFoundException("No such charge location.");
        var now = Now;
        // The form offers the location's EVSEs only; anything else is taken as "don't know which".
        var evseUid = location.Evses.Any(e => e.Uid == input.EvseUid) ? input.EvseUid : null;
        var submission = FaultSubmission.Create(evseUid, input.Kind, input.Description, input.NoticedAtUtc, input.Email, now);
        var terms = await TermsAsync(location, submission.EvseUid, DutchCalendar.Day(now), ct);
        var prefix = YearlyReference.Prefix(ReferenceCode, now.Year);
        var taken = await db.FaultReports.Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(ct);
        var report = FaultReport.Report(YearlyReference.Next(prefix, taken), location.Id, location.MunicipalityId, location.OperatorId, submission,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, terms, now);
        db.FaultReports.Add(report);
        await mailer.EnqueueReceivedAsync(report, location, ct);
        await db.SaveChangesAsync(ct);
        return report.Reference;
    }

    /// <summary>What the confirmation page shows: the reference and what was reported, nothing personal.</summary>
    public async Task<FaultReceipt?> ReceiptAsync(Guid locationId, string reference, CancellationToken ct = default) =>
        await db.FaultReports.AsNoTracking().Where(r => r.ChargeLocationId == locationId && r.Reference == reference)
            .Select(r => new FaultReceipt(r.Reference, r.Kind, r.EvseUid, r.ReportedAtUtc)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The maxima of the contract that covers the EVSE on the day: of the operator's contracts in force, the first (by
    /// reference) whose coverage holds the EVSE, or for a report without an EVSE, any EVSE of the location.
    /// </summary>
    private async Task<FaultContractTerms> TermsAsync(ChargeLocation location, string? evseUid, DateOnly day, CancellationToken ct)
    {
        if (location.OperatorId is not { } operatorId)
            return FaultContractTerms.None;
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.OperatorId == operatorId)
            .Include(c => c.Municipalities).Include(c => c.Versions).Include(c => c.CoverageRules).AsSplitQuery().ToListAsync(ct);
        var locationId = location.OcpiLocationId ?? location.SourceId;
        var evses = evseUid is null ? location.Evses.Select(e => new EvseRef(locationId, e.Uid)).ToList() : [new EvseRef(locationId, evseUid)];
        foreach (var contract in contracts.OrderBy(c => c.Reference, StringComparer.Ordinal))
        {
            if (contract.VersionInForceOn(day) is not { } version)
                continue;
            var set = await ContractEvses.ResolveAsync(db, contract, ct);
            if (evses.Any(set.Covered.Contains))
                return new FaultContractTerms(contract.Id, version.Terms.MaxResponseHours, version.Terms.MaxRepairHours);
        }
        return FaultContractTerms.None;
    }

    /// <summary>The reports the person may read, open ones first (oldest first), then resolved ones (newest first), a page at a time.</summary>
    public async Task<FaultReportPage> ListAsync(ClaimsPrincipal user, bool openOnly, int page, int pageSize, CancellationToken ct = default)
    {
        var viewer = await ViewerAsync(user, ct);
        var query = Readable(viewer);
        if (openOnly)
            query = query.Where(r => r.Status != FaultReportStatus.Resolved);
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(pageSize, 5, 100);
        // Open first by age, resolved after by recency: sorted in memory, the set is one tenant's.
        var reports = await query.ToListAsync(ct);
        var ordered = reports.OrderBy(r => r.Status == FaultReportStatus.Resolved)
            .ThenBy(r => r.Status == FaultReportStatus.Resolved ? -r.ReportedAtUtc.Ticks : r.ReportedAtUtc.Ticks)
            .Skip(Math.Max(0, page) * size).Take(size).ToList();
        var locationIds = ordered.Select(r => r.ChargeLocationId).Distinct().ToList();
        var locations = await db.ChargeLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Address, l.City, l.OperatorName }).ToDictionaryAsync(l => l.Id, ct);
        var now = Now;
        var rows = ordered.Select(r =>
        {
            var l = locations.GetValueOrDefault(r.ChargeLocationId);
            return new FaultReportRow(r, l is null ? "" : $"{l.Address}, {l.City}", l?.OperatorName ?? "", r.ResponseClock(now), r.RepairClock(now),
                viewer.CanHandle(r));
        }).ToList();
        return new FaultReportPage(rows, total);
    }

    public Task<FaultStepResult> AcknowledgeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) =>
        StepAsync(user, id, (r, actor) => r.Acknowledge(actor, Now), ct);

    public Task<FaultStepResult> ResolveAsync(ClaimsPrincipal user, Guid id, string? answer, CancellationToken ct = default) =>
        StepAsync(user, id, (r, actor) => r.Resolve(actor, answer, Now), ct, mailer.EnqueueAnswerAsync);

    private async Task<FaultStepResult> StepAsync(ClaimsPrincipal user, Guid id, Action<FaultReport, FaultActor> step, CancellationToken ct,
        Func<FaultReport, CancellationToken, Task>? after = null)
    {
        var viewer = await ViewerAsync(user, ct);
        var report = await db.FaultReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !viewer.CanHandle(report))
            throw new UnauthorizedAccessException("Not a fault report of the user's operator.");
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("Signed-in user not found.");
        try
        {
            step(report, new FaultActor(person.Id, person.DisplayName));
        }
        catch (DomainRuleViolated e)
        {
            return new FaultStepResult(RuleMessages.Text(T, e));
        }
        if (after is not null)
            await after(report, ct);
        await db.SaveChangesAsync(ct);
        return new FaultStepResult(null);
    }

    /// <summary>Privacy: removes reporters' addresses kept longer than the retention period after resolution (daily, with the applications' clean-up).</summary>
    public async Task<int> RemoveExpiredEmailsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var retention = TimeSpan.FromDays(Math.Max(0, options.Value.EmailRetentionDays));
        var cutoff = now - retention;
        var expired = await db.FaultReports.Where(r => r.ReporterEmail != null && r.ResolvedAtUtc != null && r.ResolvedAtUtc <= cutoff).ToListAsync(ct);
        var removed = expired.Count(r => r.RemoveReporterEmail(retention, now));
        await db.SaveChangesAsync(ct);
        return removed;
    }

    private async Task<FaultViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct) =>
        new(user.IsInRole(PortalRoles.Admin), await tenants.MunicipalitiesOfAsync(user, ct), await tenants.OperatorOfAsync(user, ct));

    private IQueryable<FaultReport> Readable(FaultViewer viewer)
    {
        var reports = db.FaultReports.AsNoTracking();
        if (viewer.IsAdmin)
            return reports;
        var municipalities = viewer.Municipalities.ToList();
        var own = viewer.OperatorId;
        return reports.Where(r => municipalities.Contains(r.MunicipalityId) || (own != null && r.OperatorId == own));
    }
}

/// <summary>Who reads which reports: officers of the municipality and the location's CPO; only that CPO acknowledges and resolves.</summary>
internal sealed record FaultViewer(bool IsAdmin, IReadOnlyList<Guid> Municipalities, Guid? OperatorId)
{
    public bool CanHandle(FaultReport report) => OperatorId is { } own && report.OperatorId == own;
}

public sealed record FaultReceipt(string Reference, FaultKind Kind, string? EvseUid, DateTime ReportedAtUtc);

/// <summary>A report as the back office lists it, with the two clocks measured now; <see cref="CanHandle"/> when the reader is its CPO.</summary>
public sealed record FaultReportRow(FaultReport Report, string Address, string OperatorName, FaultClock Response, FaultClock Repair, bool CanHandle);

public sealed record FaultReportPage(IReadOnlyList<FaultReportRow> Rows, int Total);
