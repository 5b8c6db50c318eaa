using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Common;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.SmartCharging;

/// <summary>A run in the lists: its contract and operator, when and by whom it started, how many EVSEs, and its verdict once completed.</summary>
public sealed record SmartChargingRunRow(Guid Id, string ContractReference, string OperatorName, DateTime StartedAtUtc, string StartedBy, int Sampled,
    DateTime? CompletedAtUtc, SmartChargingVerdict? Verdict);

public sealed record SmartChargingRunList(IReadOnlyList<SmartChargingRunRow> Rows, int Total);

/// <summary>A contract an officer may start a test for: in force, with a smart-charging obligation and a power cap.</summary>
internal sealed record SmartChargingContractChoice(Guid Id, string Reference, decimal PowerCapKw);

/// <summary>A run with its contract and operator, and whether the viewer is the CPO (read-only).</summary>
internal sealed record SmartChargingRunDetail(SmartChargingTestRun Run, string ContractReference, string OperatorName);

/// <summary>The outcome of starting a run: its id, or the problem in the reader's language.</summary>
internal sealed record SmartChargingStartOutcome(Guid? RunId, string? Problem);

/// <summary>
/// The smart-charging pages: officers see and start the runs of their municipalities' contracts, administrators see
/// all, a CPO user sees the runs of its own operator's contracts, read-only. A run someone may not see answers as one
/// that does not exist (null); anyone else is refused with <see cref="UnauthorizedAccessException"/>.
/// </summary>
internal sealed class SmartChargingService(
    PortalDbContext db,
    TenantAccess tenants,
    SmartChargingRunner runner,
    UserManager<PortalUser> users,
    TimeProvider clock,
    IStringLocalizer<Texts> T)
{
    public const string Roles = PortalRoles.Officer + "," + PortalRoles.CpoUser + "," + PortalRoles.Admin;
    public const string OfficerRoles = PortalRoles.Officer + "," + PortalRoles.Admin;

    /// <summary>The role a person's calls are checked against: officer, then CPO user, then administrator.</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer : user.IsInRole(PortalRoles.CpoUser) ? PortalRoles.CpoUser : PortalRoles.Admin;

    public async Task<SmartChargingRunList> ListAsync(ClaimsPrincipal user, bool asCpo, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var runs = await VisibleAsync(user, asCpo, ct);
        var total = await runs.CountAsync(ct);
        var page = await runs.OrderByDescending(r => r.StartedAtUtc).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.ContractId, r.OperatorId, r.StartedAtUtc, r.StartedBy, Sampled = r.Evses.Count, r.CompletedAtUtc, r.Verdict })
            .ToListAsync(ct);
        var names = await NamesAsync(page.Select(r => r.ContractId), page.Select(r => r.OperatorId), ct);
        return new SmartChargingRunList(page.Select(r => new SmartChargingRunRow(r.Id, names.Contracts.GetValueOrDefault(r.ContractId, ""), names.Operators.GetValueOrDefault(r.OperatorId, ""),
            r.StartedAtUtc, r.StartedBy, r.Sampled, r.CompletedAtUtc, r.Verdict)).ToList(), total);
    }

    public async Task<SmartChargingRunDetail?> DetailAsync(ClaimsPrincipal user, Guid runId, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(user, !user.IsInRole(PortalRoles.Officer) && !user.IsInRole(PortalRoles.Admin), ct);
        var run = await visible.AsNoTracking().Include(r => r.Evses).Include(r => r.Requirements).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return null;
        var names = await NamesAsync([run.ContractId], [run.OperatorId], ct);
        return new SmartChargingRunDetail(run, names.Contracts.GetValueOrDefault(run.ContractId, ""), names.Operators.GetValueOrDefault(run.OperatorId, ""));
    }

    /// <summary>The officer's contracts that can be tested today.</summary>
    public async Task<IReadOnlyList<SmartChargingContractChoice>> ContractsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var municipalities = await OfficerMunicipalitiesAsync(user, ct);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)))
            .Include(c => c.Versions).AsSplitQuery().ToListAsync(ct);
        return contracts
            .Select(c => (c, Obligation: c.VersionInForceOn(today)?.Terms.SmartCharging))
            .Where(x => x.Obligation is { Required: true, PowerCapKw: > 0 })
            .Select(x => new SmartChargingContractChoice(x.c.Id, x.c.Reference, x.Obligation!.PowerCapKw!.Value))
            .OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>Starts a run for one of the officer's contracts; a broken rule comes back as the problem.</summary>
    public async Task<SmartChargingStartOutcome> StartAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var municipalities = await OfficerMunicipalitiesAsync(user, ct);
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId && c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)), ct))
            throw new UnauthorizedAccessException("Not a contract of this officer's municipalities.");
        var person = await users.GetUserAsync(user) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        try
        {
            return new SmartChargingStartOutcome(await runner.StartAsync(contractId, person.DisplayName, ct), null);
        }
        catch (DomainRuleViolated e)
        {
            return new SmartChargingStartOutcome(null, RuleMessages.Text(T, e));
        }
    }

    private async Task<IReadOnlyList<Guid>> OfficerMunicipalitiesAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(PortalRoles.Officer)
            ? await tenants.MunicipalitiesOfAsync(user, ct)
            : throw new UnauthorizedAccessException("Only officers start smart-charging tests.");

    /// <summary>The runs the person may see: a CPO user (or anyone asking as one) its operator's, an officer its municipalities', an administrator all.</summary>
    private async Task<IQueryable<SmartChargingTestRun>> VisibleAsync(ClaimsPrincipal user, bool asCpo, CancellationToken ct)
    {
        var runs = db.SmartChargingTestRuns.AsNoTracking();
        if (asCpo)
        {
            if (!user.IsInRole(PortalRoles.CpoUser))
                throw new UnauthorizedAccessException("The CPO's view is for CPO users.");
            var own = await tenants.OperatorOfAsync(user, ct);
            return runs.Where(r => r.OperatorId == own);
        }
        if (user.IsInRole(PortalRoles.Admin) && !user.IsInRole(PortalRoles.Officer))
            return runs;
        if (!user.IsInRole(PortalRoles.Officer))
            throw new UnauthorizedAccessException("Smart-charging tests are for officers, administrators and CPO users.");
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        var contracts = db.Contracts.Where(c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId))).Select(c => c.Id);
        return runs.Where(r => contracts.Contains(r.ContractId));
    }

    private async Task<(Dictionary<Guid, string> Contracts, Dictionary<Guid, string> Operators)> NamesAsync(IEnumerable<Guid> contractIds, IEnumerable<Guid> operatorIds, CancellationToken ct)
    {
        var contractList = contractIds.Distinct().ToList();
        var operatorList = operatorIds.Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractList.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var operators = await db.Operators.AsNoTracking().Where(o => operatorList.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return (contracts, operators);
    }
}
