using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Terms;
using Portal.Features.Accounts;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Features.TrafficOrders;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Findings;

/// <summary>
/// A finding as the lists and the detail page show it: the facts, its workflow (null until the daily run or a first step
/// opened it; it then reads as open with the deadline counted from the day found), where it stands, the penalty
/// (frozen once escalated, else proposed from the version in force) and the words describing it.
/// </summary>
public sealed record FindingRow(ContractFinding Finding, FindingResponse? Response, string ContractReference, string OperatorName,
    FindingState State, DateOnly Deadline, bool Overdue, ProposedPenalty? Penalty, string Description)
{
    public decimal? PenaltyEuro => Response?.State == FindingState.Escalated ? Response.PenaltyEuro : Penalty?.TotalEuro;
}

/// <summary>What the officers' list is filtered on.</summary>
public sealed record FindingFilter(FindingState? State = null, Guid? ContractId = null);

/// <summary>A contract the list can be filtered on.</summary>
public sealed record FindingContractOption(Guid Id, string Reference);

/// <summary>The finding a step was about, or the problem (in the reader's language) that stopped it with nothing saved.</summary>
public sealed record FindingStepResult(long? FindingId, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A file sent with an answer: its name as sent and its bytes.</summary>
public sealed record FindingUpload(string FileName, Stream Content);

/// <summary>
/// The findings' workflow for people: CPO users read and answer their operator's findings; officers of a contract's
/// municipalities read, close, escalate and reopen them; administrators read. Anyone else learns nothing (a finding of
/// another reads as "not found" and a step on it is refused with <see cref="UnauthorizedAccessException"/>). An attachment
/// goes through the contract files' store, limit and byte checks (<see cref="ContractFileUpload"/>).
/// </summary>
internal sealed class FindingService(PortalDbContext db, TenantAccess tenants, ContractFileUpload files, UserManager<PortalUser> users,
    IOptions<FindingOptions> options, IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private int WorkingDays => options.Value.ResponseWorkingDays;

    /// <summary>The traffic orders' terms calendar, with the days equated by royal decree the municipality configured.</summary>
    public TermsCalendar Calendar => TermsCalendar.Default.With(orderOptions.Value.EquatedDays);

    public async Task<IReadOnlyList<FindingContractOption>> ContractsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        await (await ContractsOfAsync(user, ct)).OrderBy(c => c.Reference).Select(c => new FindingContractOption(c.Id, c.Reference)).ToListAsync(ct);

    /// <summary>The findings a person may read, filtered; newest first (the pages sort further).</summary>
    public async Task<IReadOnlyList<FindingRow>> ListAsync(ClaimsPrincipal user, FindingFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var contracts = await ContractsOfAsync(user, ct);
        if (filter.ContractId is { } contractId)
            contracts = contracts.Where(c => c.Id == contractId);
        var rows = await RowsAsync(contracts, null, ct);
        return rows.Where(r => filter.State is not { } state || r.State == state)
            .OrderByDescending(r => r.Finding.FoundAtUtc).ThenByDescending(r => r.Finding.Id).ToList();
    }

    /// <summary>The finding with its workflow and history, or null when the person may not read it (or it does not exist).</summary>
    public async Task<FindingRow?> FindAsync(ClaimsPrincipal user, long id, CancellationToken ct = default) =>
        (await RowsAsync(await ContractsOfAsync(user, ct), id, ct)).SingleOrDefault();

    public async Task<FindingStepResult> RespondAsync(ClaimsPrincipal cpo, long id, string? answer, FindingUpload? upload, CancellationToken ct = default)
    {
        var operatorId = await tenants.OperatorOfAsync(cpo, ct) ?? throw new UnauthorizedAccessException("Only a CPO user answers findings.");
        var (finding, response) = await ForStepAsync(id, c => c.OperatorId == operatorId, ct);
        var actor = await ActorAsync(cpo);
        if (upload is null)
            return await StepAsync(finding, () => response.Respond(answer, null, actor, Now), ct);
        var (_, problem) = await files.StoreAsync(upload.Content, FindingResponse.MaxAttachmentBytes, async stored =>
        {
            response.Respond(answer, new FindingAttachment(upload.FileName, stored.ContentType, stored.SizeBytes, stored.Key), actor, Now);
            await db.SaveChangesAsync(ct);
            return Guid.Empty;
        }, ct);
        return new FindingStepResult(problem is null ? finding.Id : null, problem);
    }

    public Task<FindingStepResult> CloseAsync(ClaimsPrincipal officer, long id, FindingClosure closure, string? reason, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, (_, _, response, actor) => response.Close(closure, reason, actor, Now), ct);

    public Task<FindingStepResult> ReopenAsync(ClaimsPrincipal officer, long id, string? request, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, (_, _, response, actor) => response.Reopen(request, WorkingDays, Calendar, actor, Now), ct);

    /// <summary>Escalates with the penalty proposed now, from the version the finding falls under.</summary>
    public Task<FindingStepResult> EscalateAsync(ClaimsPrincipal officer, long id, string? reason, CancellationToken ct = default) =>
        AsOfficerAsync(officer, id, (contract, finding, response, actor) => response.Escalate(reason, PenaltyOf(finding, contract), actor, Now), ct);

    /// <summary>An answer's attachment, for whoever may read the finding; null otherwise, as for an unknown id.</summary>
    public async Task<FindingAttachment?> AttachmentAsync(ClaimsPrincipal user, long id, CancellationToken ct = default) =>
        (await FindAsync(user, id, ct))?.Response is { AttachmentStorageKey: { } key } response
            ? new FindingAttachment(response.AttachmentFileName ?? "bijlage", response.AttachmentContentType ?? "application/octet-stream", response.AttachmentSizeBytes ?? 0, key)
            : null;

    /// <summary>The penalty a finding proposes: under the version it names (a tariff above a cap), else the version in force on the day found.</summary>
    public static ProposedPenalty? PenaltyOf(ContractFinding finding, Contract contract)
    {
        var version = (finding.VersionNumber is { } number ? contract.Versions.FirstOrDefault(v => v.Number == number) : null)
            ?? contract.VersionInForceOn(finding.FoundOn);
        return version is null ? null : FindingPenalty.Propose(finding.Kind, finding.Evses, version.Penalties);
    }

    private async Task<IReadOnlyList<FindingRow>> RowsAsync(IQueryable<Contract> contracts, long? id, CancellationToken ct)
    {
        var reached = await contracts.Include(c => c.Versions).ThenInclude(v => v.Penalties).AsSplitQuery().ToDictionaryAsync(c => c.Id, ct);
        var ids = reached.Keys.ToList();
        var findings = db.Set<ContractFinding>().AsNoTracking().Where(f => ids.Contains(f.ContractId));
        if (id is { } one)
            findings = findings.Where(f => f.Id == one);
        var found = await findings.ToListAsync(ct);
        var findingIds = found.Select(f => f.Id).ToList();
        var responses = await db.FindingResponses.AsNoTracking().Where(r => findingIds.Contains(r.FindingId)).Include(r => r.Steps).AsSplitQuery()
            .ToDictionaryAsync(r => r.FindingId, ct);
        var operatorIds = reached.Values.Select(c => c.OperatorId).Distinct().ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var evidenceIds = found.Where(f => f.EvidenceId is not null).Select(f => f.EvidenceId!.Value).Distinct().ToList();
        var evidence = await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => evidenceIds.Contains(e.Id)).ToListAsync(ct);
        var today = DutchCalendar.Day(Now);
        return found.Select(finding =>
        {
            var contract = reached[finding.ContractId];
            var response = responses.GetValueOrDefault(finding.Id);
            var deadline = response?.Deadline ?? FindingResponse.DeadlineFor(finding.FoundOn, WorkingDays, Calendar);
            var state = response?.State ?? FindingState.Open;
            var overdue = state == FindingState.Overdue || (state == FindingState.Open && today > deadline);
            return new FindingRow(finding, response, contract.Reference, operators.GetValueOrDefault(contract.OperatorId, ""), state, deadline, overdue,
                PenaltyOf(finding, contract), EvidenceTexts.Finding(T, finding, evidence));
        }).ToList();
    }

    /// <summary>The contracts whose findings the person reaches: of its operator, of its municipalities, or all for an administrator.</summary>
    private async Task<IQueryable<Contract>> ContractsOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var contracts = db.Contracts.AsNoTracking();
        if (await tenants.OperatorOfAsync(user, ct) is { } operatorId)
            return contracts.Where(c => c.OperatorId == operatorId);
        if (user.IsInRole(PortalRoles.Admin) && !user.IsInRole(PortalRoles.Officer))
            return contracts;
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        return contracts.Where(c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)));
    }

    /// <summary>The finding and its workflow (opened now when it had none), when its contract passes <paramref name="reach"/>; refused otherwise.</summary>
    private async Task<(ContractFinding Finding, FindingResponse Response)> ForStepAsync(long id, System.Linq.Expressions.Expression<Func<Contract, bool>> reach, CancellationToken ct)
    {
        var finding = await db.Set<ContractFinding>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null || !await db.Contracts.Where(c => c.Id == finding.ContractId).AnyAsync(reach, ct))
            throw new UnauthorizedAccessException("Not a finding the user may act on.");
        var response = await db.FindingResponses.Include(r => r.Steps).SingleOrDefaultAsync(r => r.FindingId == id, ct);
        if (response is null)
        {
            response = FindingResponse.Open(finding, WorkingDays, Calendar, Now);
            db.FindingResponses.Add(response);
        }
        return (finding, response);
    }

    private async Task<FindingStepResult> AsOfficerAsync(ClaimsPrincipal officer, long id, Action<Contract, ContractFinding, FindingResponse, ContractActor> step, CancellationToken ct)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!officer.IsInRole(PortalRoles.Officer) || municipalities.Count == 0)
            throw new UnauthorizedAccessException("Only an officer of the contract's municipalities decides its findings.");
        var (finding, response) = await ForStepAsync(id, c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)), ct);
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Versions).ThenInclude(v => v.Penalties).AsSplitQuery().SingleAsync(c => c.Id == finding.ContractId, ct);
        var actor = await ActorAsync(officer);
        return await StepAsync(finding, () => step(contract, finding, response, actor), ct);
    }

    private async Task<FindingStepResult> StepAsync(ContractFinding finding, Action step, CancellationToken ct)
    {
        try
        {
            step();
            await db.SaveChangesAsync(ct);
            return new FindingStepResult(finding.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new FindingStepResult(null, RuleMessages.Text(T, e));
        }
    }

    private async Task<ContractActor> ActorAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        return new ContractActor(user.Id, user.DisplayName);
    }
}

/// <summary>What an officer does with a finding.</summary>
public enum FindingDecisionKind
{
    Close,
    Escalate,
    Reopen,
}

internal static class FindingStates
{
    public static bool IsDecided(this FindingState state) => state is FindingState.Closed or FindingState.Escalated;
}
