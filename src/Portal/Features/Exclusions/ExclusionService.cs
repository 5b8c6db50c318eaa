using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;
using Portal.Features.Accounts;
using Portal.Features.Contracts;
using Portal.Features.TrafficOrders;
using Portal.Integration.Accounts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Exclusions;

/// <summary>What the claim form sends; times on a Dutch clock, EVSEs as "LOCATION/UID", one per line.</summary>
public sealed class ExclusionClaimForm
{
    public Guid? ContractId { get; set; }
    public ExclusionCategory Category { get; set; } = ExclusionCategory.GridSupplyInterruption;
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Evses { get; set; }
    public string? Description { get; set; }
    public string? GridOperatorReference { get; set; }
    public string? IncidentNumber { get; set; }
    public string? DeclarationReference { get; set; }
    public string? MunicipalTicket { get; set; }
    public Guid? MaintenanceWindowId { get; set; }
    public string? MaintenanceNotice { get; set; }
}

/// <summary>A photo sent with a claim: its name as sent and its bytes.</summary>
public sealed record ExclusionPhotoUpload(string FileName, Stream Content);

/// <summary>An officer's decision: approve, reject, or approve the part from..until (Dutch clock) for the EVSEs chosen.</summary>
public sealed record ExclusionDecision(ExclusionDecisionKind Kind, string? Reason, DateTime? PartFrom = null, DateTime? PartUntil = null, IReadOnlyCollection<EvseRef>? PartEvses = null);

public enum ExclusionDecisionKind
{
    Approve,
    ApprovePart,
    Reject,
}

/// <summary>The claim a step was about, or the problem (in the reader's language) that stopped it with nothing saved.</summary>
public sealed record ExclusionStepResult(Guid? ClaimId, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A claim in a list, with its contract's reference.</summary>
public sealed record ExclusionClaimRow(ExclusionClaim Claim, string ContractReference);

/// <summary>What the officers' queue is filtered on.</summary>
public sealed record ExclusionFilter(Guid? OperatorId = null, Guid? ContractId = null, ExclusionCategory? Category = null, ExclusionClaimState? State = null);

/// <summary>A contract a claim can be for, or the queue filtered on.</summary>
public sealed record ExclusionContractOption(Guid Id, string Reference, Guid OperatorId, string OperatorName);

/// <summary>
/// The exclusion ledger: a CPO user files, confirms and dismisses its operator's claims; an officer of the contract's
/// municipalities decides them; administrators read. Anyone else learns nothing (a claim of another is "not found",
/// and a step on it is refused with <see cref="UnauthorizedAccessException"/>). Photos go through the contract files'
/// store, limit and byte checks (<see cref="ContractFileUpload"/>); a decision mails the operator's users.
/// </summary>
internal sealed class ExclusionService(PortalDbContext db, TenantAccess tenants, ContractFileUpload files, ExclusionMailer mailer, UserManager<PortalUser> users,
    IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The traffic orders' terms calendar, with the days equated by royal decree the municipality configured.</summary>
    public TermsCalendar Calendar => TermsCalendar.Default.With(orderOptions.Value.EquatedDays);

    /// <summary>The contracts a person's claims can be about: the operator's (CPO user), the municipalities' (officer), all (administrator).</summary>
    public async Task<IReadOnlyList<ExclusionContractOption>> ContractsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = await ContractsOfAsync(user, ct);
        return await (from contract in query
                      join op in db.Operators.AsNoTracking() on contract.OperatorId equals op.Id
                      orderby contract.Reference
                      select new ExclusionContractOption(contract.Id, contract.Reference, contract.OperatorId, op.Name)).ToListAsync(ct);
    }

    /// <summary>The claims a person may read, filtered; by deadline (soonest first), then newest.</summary>
    public async Task<IReadOnlyList<ExclusionClaimRow>> ListAsync(ClaimsPrincipal user, ExclusionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var contracts = await ContractsOfAsync(user, ct);
        var query = from claim in db.ExclusionClaims.AsNoTracking().Include(c => c.Evses).Include(c => c.Photos)
                    join contract in contracts on claim.ContractId equals contract.Id
                    select new { claim, contract.Reference };
        if (filter.OperatorId is { } operatorId)
            query = query.Where(r => r.claim.OperatorId == operatorId);
        if (filter.ContractId is { } contractId)
            query = query.Where(r => r.claim.ContractId == contractId);
        if (filter.Category is { } category)
            query = query.Where(r => r.claim.Category == category);
        if (filter.State is { } state)
            query = query.Where(r => r.claim.State == state);
        var rows = await query.AsSplitQuery().ToListAsync(ct);
        return rows.OrderBy(r => r.claim.IsDecided).ThenBy(r => r.claim.Deadline).ThenByDescending(r => r.claim.CreatedAtUtc)
            .Select(r => new ExclusionClaimRow(r.claim, r.Reference)).ToList();
    }

    /// <summary>The claim with its EVSEs, photos and history, or null when the person may not read it (or it does not exist).</summary>
    public async Task<ExclusionClaimRow?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var contracts = await ContractsOfAsync(user, ct);
        var row = await (from claim in db.ExclusionClaims.AsNoTracking().Include(c => c.Evses).Include(c => c.Photos).Include(c => c.Steps)
                         join contract in contracts on claim.ContractId equals contract.Id
                         where claim.Id == id
                         select new { claim, contract.Reference }).AsSplitQuery().SingleOrDefaultAsync(ct);
        return row is null ? null : new ExclusionClaimRow(row.claim, row.Reference);
    }

    public async Task<ExclusionStepResult> FileAsync(ClaimsPrincipal cpo, ExclusionClaimForm form, IReadOnlyList<ExclusionPhotoUpload> photos, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(photos);
        var operatorId = await tenants.OperatorOfAsync(cpo, ct) ?? throw new UnauthorizedAccessException("Only a CPO user files exclusion claims.");
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.CoverageRules)
            .SingleOrDefaultAsync(c => c.Id == form.ContractId && c.OperatorId == operatorId, ct);
        if (contract is null)
            return new ExclusionStepResult(null, T["Exclusion.ContractRequired"]);
        if (form.StartsAt is not { } starts || form.EndsAt is not { } ends)
            return new ExclusionStepResult(null, T["Exclusion.TimesRequired"]);
        try
        {
            var evses = await EvsesAsync(contract, form.Evses, ct);
            if (form.MaintenanceWindowId is { } windowId && !await db.MaintenanceWindows.AnyAsync(w => w.Id == windowId && w.OperatorId == operatorId, ct))
                return new ExclusionStepResult(null, T["Exclusion.WindowUnknown"]);
            var details = new ExclusionClaimDetails(form.Category, Utc(starts), Utc(ends), form.Description, form.GridOperatorReference, form.IncidentNumber,
                form.DeclarationReference, form.MunicipalTicket, form.MaintenanceWindowId, form.MaintenanceNotice);
            var actor = await ActorAsync(cpo);
            var (id, problem) = await files.StoreAllAsync(photos.Select(p => p.Content).ToList(), ExclusionClaimPhoto.MaxSizeBytes, async stored =>
            {
                var photoFiles = stored.Select((s, i) => new ExclusionPhotoFile(photos[i].FileName, s.ContentType, s.SizeBytes, s.Key)).ToList();
                var claim = ExclusionClaim.File(contract.Id, operatorId, details, evses, photoFiles, actor, Now, Calendar);
                db.ExclusionClaims.Add(claim);
                await db.SaveChangesAsync(ct);
                return claim.Id;
            }, ct);
            return new ExclusionStepResult(id, problem);
        }
        catch (DomainRuleViolated e)
        {
            return new ExclusionStepResult(null, RuleMessages.Text(T, e));
        }
    }

    public Task<ExclusionStepResult> ConfirmAsync(ClaimsPrincipal cpo, Guid id, string? notice, CancellationToken ct = default) =>
        AsOperatorAsync(cpo, id, (claim, actor) => claim.Confirm(notice, actor, Now), ct);

    public Task<ExclusionStepResult> DismissAsync(ClaimsPrincipal cpo, Guid id, string? reason, CancellationToken ct = default) =>
        AsOperatorAsync(cpo, id, (claim, actor) => claim.Dismiss(reason, actor, Now), ct);

    public async Task<ExclusionStepResult> DecideAsync(ClaimsPrincipal officer, Guid id, ExclusionDecision decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var claim = await db.ExclusionClaims.Include(c => c.Evses).Include(c => c.Steps).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null || !await db.Contracts.AnyAsync(c => c.Id == claim.ContractId && c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)), ct))
            throw new UnauthorizedAccessException("Only an officer of the contract's municipalities decides its exclusion claims.");
        try
        {
            var actor = await ActorAsync(officer);
            switch (decision.Kind)
            {
                case ExclusionDecisionKind.Approve:
                    claim.Approve(decision.Reason, actor, Now);
                    break;
                case ExclusionDecisionKind.Reject:
                    claim.Reject(decision.Reason, actor, Now);
                    break;
                case ExclusionDecisionKind.ApprovePart:
                    if (decision.PartFrom is not { } from || decision.PartUntil is not { } until)
                        return new ExclusionStepResult(null, T["Exclusion.TimesRequired"]);
                    claim.ApprovePart(Utc(from), Utc(until), decision.PartEvses ?? [], decision.Reason, actor, Now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(decision), decision.Kind, null);
            }
            await mailer.EnqueueDecisionAsync(claim, ct);
            await db.SaveChangesAsync(ct);
            return new ExclusionStepResult(claim.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new ExclusionStepResult(null, RuleMessages.Text(T, e));
        }
    }

    /// <summary>A photo of a claim the person may read; null otherwise, as for an unknown id.</summary>
    public async Task<ExclusionClaimPhoto?> PhotoAsync(ClaimsPrincipal user, Guid id, Guid photoId, CancellationToken ct = default) =>
        (await FindAsync(user, id, ct))?.Claim.Photos.FirstOrDefault(p => p.Id == photoId);

    /// <summary>The contracts whose claims the person reaches: of its operator, of its municipalities, or all for an administrator.</summary>
    private async Task<IQueryable<Contract>> ContractsOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var contracts = db.Contracts.AsNoTracking();
        if (user.IsInRole(PortalRoles.Admin))
            return contracts;
        if (await tenants.OperatorOfAsync(user, ct) is { } operatorId)
            return contracts.Where(c => c.OperatorId == operatorId);
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        return contracts.Where(c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)));
    }

    private async Task<ExclusionStepResult> AsOperatorAsync(ClaimsPrincipal cpo, Guid id, Action<ExclusionClaim, ContractActor> step, CancellationToken ct)
    {
        var operatorId = await tenants.OperatorOfAsync(cpo, ct) ?? throw new UnauthorizedAccessException("Only a CPO user confirms or dismisses its candidates.");
        var claim = await db.ExclusionClaims.Include(c => c.Evses).Include(c => c.Steps).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null || claim.OperatorId != operatorId)
            throw new UnauthorizedAccessException("Not a claim of the user's operator.");
        try
        {
            step(claim, await ActorAsync(cpo));
            await db.SaveChangesAsync(ct);
            return new ExclusionStepResult(claim.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new ExclusionStepResult(null, RuleMessages.Text(T, e));
        }
    }

    /// <summary>The EVSEs typed, one per line or separated by commas, as "LOCATION/UID": each must be one the contract covers.</summary>
    private async Task<List<EvseRef>> EvsesAsync(Contract contract, string? typed, CancellationToken ct)
    {
        var covered = (await ContractEvses.ResolveAsync(db, contract, ct)).Covered;
        var result = new List<EvseRef>();
        foreach (var evse in EvseRef.ParseList(typed))
        {
            if (evse.EvseUid is not null && !covered.Contains(evse))
                throw new DomainRuleViolated(DomainRule.EvidenceEvseNotCovered, $"{evse} is not covered by the contract.", evse.ToString());
            result.Add(evse);
        }
        return result;
    }

    /// <summary>A time typed on a Dutch clock, as UTC.</summary>
    private static DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DutchCalendar.TimeZone);

    private async Task<ContractActor> ActorAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        return new ContractActor(user.Id, user.DisplayName);
    }
}
