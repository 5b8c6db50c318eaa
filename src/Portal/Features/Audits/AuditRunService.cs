using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using Portal.Features.Accounts;
using Portal.Features.TrafficOrders;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Audits;

/// <summary>A run in a list: its contract, CPO, kind, period, version, status and time-weighted availability.</summary>
public sealed record AuditRunRow(Guid Id, Guid ContractId, string ContractReference, string OperatorName, AuditRunKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd,
    int Version, AuditRunStatus Status, decimal? Availability, DateTime ComputedAtUtc);

/// <summary>A run with its EVSEs and outages, the names to show, and every version of the same contract, kind and period.</summary>
public sealed record AuditRunView(AuditRun Run, string ContractReference, string OperatorName, IReadOnlyList<AuditRunRow> Versions);

/// <summary>The run a step was about, or the problem (in the reader's language) that stopped it; a recomputation's comparison.</summary>
public sealed record AuditStepResult(Guid? RunId, string? Problem, AuditRunComparison? Comparison = null)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A contract an officer can compute a run for.</summary>
public sealed record AuditContractOption(Guid Id, string Reference, string OperatorName);

/// <summary>
/// The audit runs: computing a provisional run from the stored data (<see cref="UptimeInputReader"/> and the metric),
/// refreshing it while claims are decided, signing it after the claims window (its failed requirements become findings),
/// recomputing a signed run to compare, and correcting it. Officers act on the contracts of their municipalities; CPO
/// users read their own operator's runs; administrators read all; anyone else finds nothing.
/// </summary>
internal sealed class AuditRunService(PortalDbContext db, UptimeInputReader reader, TenantAccess tenants, AuditMailer mailer, UserManager<PortalUser> users,
    IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock, IStringLocalizer<Texts> T, ILogger<AuditRunService> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private TermsCalendar Calendar => TermsCalendar.Default.With(orderOptions.Value.EquatedDays);

    private static readonly TimeZoneInfo Zone = LocalTime.Zone(UptimeInputReader.DefaultTimeZone);

    public async Task<IReadOnlyList<AuditRunRow>> ListAsync(ClaimsPrincipal user, AuditRunStatus? status, CancellationToken ct = default)
    {
        var runs = await ReadableAsync(user, ct);
        if (status is { } s)
            runs = runs.Where(r => r.Status == s);
        return await Rows(runs).ToListAsync(ct);
    }

    public async Task<AuditRunView?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var runs = await ReadableAsync(user, ct);
        var run = await runs.Include(r => r.Evses).Include(r => r.Outages).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
            return null;
        var versions = await Rows(db.AuditRuns.AsNoTracking().Where(r => r.ContractId == run.ContractId && r.Kind == run.Kind && r.PeriodStart == run.PeriodStart))
            .ToListAsync(ct);
        var names = versions.First(v => v.Id == id);
        return new AuditRunView(run, names.ContractReference, names.OperatorName, versions.OrderBy(v => v.Version).ToList());
    }

    /// <summary>The contracts of the officer's municipalities.</summary>
    public async Task<IReadOnlyList<AuditContractOption>> ContractsAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await (from c in db.Contracts.AsNoTracking()
                      where c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId))
                      join o in db.Operators.AsNoTracking() on c.OperatorId equals o.Id
                      orderby c.Reference
                      select new AuditContractOption(c.Id, c.Reference, o.Name)).ToListAsync(ct);
    }

    /// <summary>An officer's "compute now" for a contract and month: a new provisional run, or the provisional one refreshed.</summary>
    public async Task<AuditStepResult> ComputeAsync(ClaimsPrincipal officer, Guid contractId, DateOnly month, CancellationToken ct = default)
    {
        var contract = await OfficersContractAsync(officer, contractId, ct);
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first.AddMonths(1) > DutchCalendar.Day(Now).AddDays(1 - DutchCalendar.Day(Now).Day))
            return new AuditStepResult(null, T["Audit.MonthNotOver"]);
        return await ComputeAsync(contract, AuditRunKind.Monthly, first, first.AddMonths(1), ct);
    }

    /// <summary>Computes (or refreshes) the provisional run of a contract, kind and period; a signed period is left alone.</summary>
    public async Task<AuditStepResult> ComputeAsync(Contract contract, AuditRunKind kind, DateOnly start, DateOnly end, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.VersionInForceOn(end.AddDays(-1)) is not { } version)
            return new AuditStepResult(null, T["Audit.NotInForce"]);
        var latest = await db.AuditRuns.Include(r => r.Evses).Include(r => r.Outages).AsSplitQuery()
            .Where(r => r.ContractId == contract.Id && r.Kind == kind && r.PeriodStart == start)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (latest is { IsFrozen: true })
            return new AuditStepResult(latest.Id, T["Rule.AuditRunFrozen"]);
        var figures = await FiguresAsync(contract, version.Terms, kind, start, end, recomputation: false, ct);
        if (latest is null)
        {
            latest = AuditRun.Provisional(new AuditRunSubject(contract.Id, contract.OperatorId, kind, start, end, version.Number, version.Terms), figures, Calendar, Now);
            db.AuditRuns.Add(latest);
            await mailer.EnqueueProvisionalAsync(latest, contract.Reference, ct);
        }
        else
        {
            latest.Refresh(figures, Now);
        }
        await db.SaveChangesAsync(ct);
        return new AuditStepResult(latest.Id, null);
    }

    public Task<AuditStepResult> SignAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, async (run, contract, actor) =>
        {
            run.Sign(actor, DutchCalendar.Day(Now), Now);
            AddFindings(run);
            await mailer.EnqueueSignedAsync(run, contract.Reference, ct);
            return new AuditStepResult(run.Id, null);
        }, ct);

    /// <summary>
    /// Computes the run's period again from today's stored data, under the same rules the run was computed with (very late
    /// events left out as then, so the same input gives the same fingerprint), and compares; nothing is saved.
    /// </summary>
    public Task<AuditStepResult> RecomputeAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, async (run, contract, _) =>
        {
            var figures = await FiguresAsync(contract, TermsOf(contract, run), run.Kind, run.PeriodStart, run.PeriodEnd, recomputation: false, ct);
            return new AuditStepResult(run.Id, null, run.Compare(figures));
        }, ct, save: false);

    public Task<AuditStepResult> CorrectAsync(ClaimsPrincipal officer, Guid id, string? reason, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, async (run, contract, actor) =>
        {
            var figures = await FiguresAsync(contract, TermsOf(contract, run), run.Kind, run.PeriodStart, run.PeriodEnd, recomputation: true, ct);
            var correction = run.Correct(reason, figures, actor, Now);
            db.AuditRuns.Add(correction);
            AddFindings(correction);
            await mailer.EnqueueSignedAsync(correction, contract.Reference, ct);
            return new AuditStepResult(correction.Id, null);
        }, ct);

    /// <summary>
    /// The month close (first working day onwards): the previous month's provisional run for every contract in force at
    /// its end that has none, the rolling 12 months ending with it, and the contract year that ended with it. Repeats nothing.
    /// </summary>
    public async Task<int> CloseMonthAsync(CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(Now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (today < FirstWorkingDay(thisMonth))
            return 0;
        var previous = thisMonth.AddMonths(-1);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.Versions).Include(c => c.CoverageRules)
            .Include(c => c.EvseRecords).AsSplitQuery().ToListAsync(ct);
        var computed = 0;
        foreach (var contract in contracts.Where(c => c.VersionInForceOn(thisMonth.AddDays(-1)) is not null))
        {
            var periods = new List<(AuditRunKind Kind, DateOnly Start)> { (AuditRunKind.Monthly, previous), (AuditRunKind.Rolling12, thisMonth.AddMonths(-12)) };
            if (ContractYearEndingOn(contract, thisMonth) is { } yearStart)
                periods.Add((AuditRunKind.Annual, yearStart));
            foreach (var (kind, start) in periods)
            {
                if (await db.AuditRuns.AnyAsync(r => r.ContractId == contract.Id && r.Kind == kind && r.PeriodStart == start, ct))
                    continue;
                var end = kind == AuditRunKind.Monthly ? start.AddMonths(1) : start.AddYears(1);
                if ((await ComputeAsync(contract, kind, start, end, ct)).Succeeded)
                    computed++;
            }
        }
        logger.LogInformation("Audit runs for {Month}: {Computed} computed", previous, computed);
        return computed;
    }

    /// <summary>Refreshes every provisional run whose contract had a claim decided since the run was computed.</summary>
    public async Task<int> RefreshDecidedAsync(CancellationToken ct = default)
    {
        var stale = await (from run in db.AuditRuns.AsNoTracking()
                           where run.Status == AuditRunStatus.Provisional
                           where db.ExclusionClaims.Any(c => c.ContractId == run.ContractId && c.DecidedAtUtc != null && c.DecidedAtUtc > run.ComputedAtUtc)
                           select new { run.ContractId, run.Kind, run.PeriodStart, run.PeriodEnd }).ToListAsync(ct);
        foreach (var run in stale)
        {
            var contract = await ContractAsync(run.ContractId, ct);
            await ComputeAsync(contract, run.Kind, run.PeriodStart, run.PeriodEnd, ct);
        }
        return stale.Count;
    }

    private async Task<AuditRunFigures> FiguresAsync(Contract contract, ContractTerms terms, AuditRunKind kind, DateOnly start, DateOnly end, bool recomputation, CancellationToken ct)
    {
        var period = kind == AuditRunKind.Monthly
            ? MeasurementPeriod.CalendarMonth(start.Year, start.Month, Zone)
            : MeasurementPeriod.TwelveMonths(start, Zone);
        if (LocalTime.DateOf(period.End, Zone) != end)
            throw new InvalidOperationException($"The period {start}..{end} is not a {kind} period.");
        var metric = new UptimeMetric(Calendar);
        var results = new List<EvseUptimeResult>();
        await foreach (var input in reader.ReadAsync(contract, terms, period, recomputation, ct))
            results.Add(metric.Compute(input));
        return AuditRunFigures.Of(results);
    }

    /// <summary>The terms the run used (its thresholds), on the contract version it recorded.</summary>
    private static ContractTerms TermsOf(Contract contract, AuditRun run) =>
        (contract.Versions.FirstOrDefault(v => v.Number == run.ContractVersionNumber)?.Terms ?? new ContractTerms()) with
        {
            AvailabilityPercentPerYear = run.AvailabilityThresholdPercent,
            ConnectivityPercentPerMonth = run.ConnectivityThresholdPercent,
        };

    private void AddFindings(AuditRun run)
    {
        var today = DutchCalendar.Day(Now);
        var kind = run.Kind.ToString();
        if (run.FailedAvailability is { Count: > 0 } availability)
            db.Add(ContractFinding.BelowThreshold(ContractFindingKind.AvailabilityBelowThreshold, run.ContractId, kind, run.PeriodStart, run.Version,
                UptimeReporting.Percent(run.TimeWeightedAvailability), run.AvailabilityThresholdPercent, availability.Select(e => new EvseRef(e.LocationId, e.EvseUid)), today, Now));
        if (run.FailedConnectivity is { Count: > 0 } connectivity)
        {
            var measured = UptimeReporting.Percent(ConnectivityAggregation.Of(run.Evses.Select(e => e.Figures(run))).TimeWeightedConnectivity);
            db.Add(ContractFinding.BelowThreshold(ContractFindingKind.ConnectivityBelowThreshold, run.ContractId, kind, run.PeriodStart, run.Version,
                measured, run.ConnectivityThresholdPercent, connectivity.Select(e => new EvseRef(e.LocationId, e.EvseUid)), today, Now));
        }
    }

    private DateOnly FirstWorkingDay(DateOnly monthStart) => Calendar.After(monthStart.AddDays(-1), 1);

    /// <summary>The start of the contract year that ends the day before <paramref name="monthStart"/>, if one does.</summary>
    private static DateOnly? ContractYearEndingOn(Contract contract, DateOnly monthStart)
    {
        var first = contract.Versions.Where(v => v.IsSigned).Select(v => (DateOnly?)v.StartsOn).Min();
        if (first is not { } start || start.Day != 1)
            return null;
        var yearStart = monthStart.AddYears(-1);
        return yearStart >= start && (yearStart.Year - start.Year) * 12 + yearStart.Month - start.Month is var months && months % 12 == 0 ? yearStart : null;
    }

    private async Task<AuditStepResult> AsOfficerAsync(ClaimsPrincipal officer, Guid id, Func<AuditRun, Contract, ContractActor, Task<AuditStepResult>> step,
        CancellationToken ct, bool save = true)
    {
        var run = await db.AuditRuns.Include(r => r.Evses).Include(r => r.Outages).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new UnauthorizedAccessException("No such audit run.");
        var contract = await OfficersContractAsync(officer, run.ContractId, ct);
        try
        {
            var user = await users.GetUserAsync(officer) ?? throw new UnauthorizedAccessException("The account no longer exists.");
            var result = await step(run, contract, new ContractActor(user.Id, user.DisplayName));
            if (save)
                await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DomainRuleViolated e)
        {
            return new AuditStepResult(null, RuleMessages.Text(T, e));
        }
    }

    private async Task<Contract> OfficersContractAsync(ClaimsPrincipal officer, Guid contractId, CancellationToken ct)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!officer.IsInRole(PortalRoles.Officer) || !await db.Contracts.AnyAsync(c => c.Id == contractId && c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)), ct))
            throw new UnauthorizedAccessException("Only an officer of the contract's municipalities runs its audits.");
        return await ContractAsync(contractId, ct);
    }

    private Task<Contract> ContractAsync(Guid contractId, CancellationToken ct) =>
        db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.Versions).Include(c => c.CoverageRules).Include(c => c.EvseRecords)
            .AsSplitQuery().SingleAsync(c => c.Id == contractId, ct);

    /// <summary>The runs a person may read: of its operator (CPO user), of its municipalities' contracts (officer), all (administrator).</summary>
    private async Task<IQueryable<AuditRun>> ReadableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var runs = db.AuditRuns.AsNoTracking();
        if (user.IsInRole(PortalRoles.Admin))
            return runs;
        if (user.IsInRole(PortalRoles.CpoUser))
        {
            var operatorId = await tenants.OperatorOfAsync(user, ct);
            return runs.Where(r => operatorId != null && r.OperatorId == operatorId);
        }
        if (user.IsInRole(PortalRoles.Officer))
        {
            var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
            return runs.Where(r => db.Contracts.Any(c => c.Id == r.ContractId && c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId))));
        }
        return runs.Where(_ => false);
    }

    private IQueryable<AuditRunRow> Rows(IQueryable<AuditRun> runs) =>
        from r in runs
        join c in db.Contracts.AsNoTracking() on r.ContractId equals c.Id
        join o in db.Operators.AsNoTracking() on r.OperatorId equals o.Id
        orderby r.PeriodStart descending, c.Reference, r.Kind, r.Version descending
        select new AuditRunRow(r.Id, r.ContractId, c.Reference, o.Name, r.Kind, r.PeriodStart, r.PeriodEnd, r.Version, r.Status, r.TimeWeightedAvailability, r.ComputedAtUtc);
}
