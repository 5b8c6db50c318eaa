using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;
using Portal.Resources;

namespace Portal.Features.Contracts;

/// <summary>
/// Changes to contracts, each one a Domain step saved with its history entry. Only officers of the contract's lead
/// municipality change a contract: anyone else, including officers of the other members, CPO users and administrators,
/// is refused with <see cref="UnauthorizedAccessException"/>, as is anyone for a contract they cannot see.
/// A broken rule comes back as the problem in the reader's language, with nothing saved.
/// </summary>
internal sealed class ContractService(PortalDbContext db, ContractAccess access, IRequirementCatalogue catalogue, UserManager<PortalUser> users,
    TimeProvider clock, IStringLocalizer<Texts> T)
{
    /// <summary>A new contract with its first (draft) version, its terms taken from the catalogue's defaults.</summary>
    public async Task<ContractStep> CreateAsync(ClaimsPrincipal officer, NewContractForm form, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        if (viewer.Municipalities.Count == 0 || form.LeadMunicipalityId is { } lead && !viewer.Municipalities.Contains(lead))
            throw new UnauthorizedAccessException("Only an officer of the lead municipality creates its contract.");
        try
        {
            if (form.OperatorId is not { } operatorId || !await db.Operators.AnyAsync(o => o.Id == operatorId, ct))
                return Problem("Contracts.OperatorRequired");
            if (form.LeadMunicipalityId is not { } leadId)
                return Problem("Contracts.LeadRequired");
            var members = form.MunicipalityIds.Append(leadId).Distinct().ToList();
            if (await db.Municipalities.CountAsync(m => members.Contains(m.Id), ct) != members.Count)
                throw new UnauthorizedAccessException("Not a registered municipality.");
            if (form.Period.ToPeriod() is not { } period)
                return Problem("Contracts.DatesRequired");
            var registration = new ContractRegistration(form.Kind, operatorId, members, leadId, form.Reference, form.LotName, form.ApplicationsHandledBy);
            var terms = ContractTerms.Defaults(await catalogue.CurrentAsync(ct));
            var contract = Contract.Draft(registration, period, terms, await ActorAsync(officer), Now);
            await RequireFreeReferenceAsync(contract, ct);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(ct);
            return new ContractStep(contract.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new ContractStep(null, RuleMessages.Text(T, e));
        }
    }

    /// <summary>The contract with everything on its page, or null when the person may not see it.</summary>
    public async Task<Contract?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var contract = await Load(db.Contracts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, ct);
        return contract is not null && viewer.CanRead(contract) ? contract : null;
    }

    public Task<ContractStep> ChangeRegistrationAsync(ClaimsPrincipal officer, Guid id, NewContractForm form, CancellationToken ct = default) =>
        StepAsync(officer, id, async (contract, actor) =>
        {
            if (form.LeadMunicipalityId is not { } lead || !(await access.ViewerAsync(officer, ct)).Municipalities.Contains(lead))
                throw new DomainRuleViolated(DomainRule.ContractLeadNotMember, "The lead municipality is one of the officer's and of the contract's.");
            var members = form.MunicipalityIds.Append(lead).Distinct().ToList();
            if (await db.Municipalities.CountAsync(m => members.Contains(m.Id), ct) != members.Count)
                throw new UnauthorizedAccessException("Not a registered municipality.");
            contract.ChangeRegistration(new ContractRegistration(form.Kind, contract.OperatorId, members, lead, form.Reference, form.LotName, form.ApplicationsHandledBy), actor, Now);
            await RequireFreeReferenceAsync(contract, ct);
        }, ct);

    public Task<ContractStep> ChangePeriodAsync(ClaimsPrincipal officer, Guid id, Guid versionId, PeriodForm form, CancellationToken ct = default) =>
        StepAsync(officer, id, (contract, actor) =>
        {
            var period = form.ToPeriod() ?? throw new DomainRuleViolated(DomainRule.ContractEndNotAfterStart, "A version needs its start and end.");
            contract.ChangePeriod(versionId, period, actor, Now);
            return Task.CompletedTask;
        }, ct);

    public Task<ContractStep> ChangeTermsAsync(ClaimsPrincipal officer, Guid id, Guid versionId, ContractTerms terms, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.ChangeTerms(versionId, terms, actor, Now), ct);

    public Task<ContractStep> AddPenaltyAsync(ClaimsPrincipal officer, Guid id, Guid versionId, ContractTerm term, decimal? amountEuro, string? rule, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.AddPenalty(versionId, term, amountEuro, rule, actor, Now), ct);

    public Task<ContractStep> RemovePenaltyAsync(ClaimsPrincipal officer, Guid id, Guid versionId, long penaltyId, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.RemovePenalty(versionId, penaltyId, actor, Now), ct);

    public Task<ContractStep> SignAsync(ClaimsPrincipal officer, Guid id, Guid versionId, DateOnly signedOn, string? signedBy, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.Sign(versionId, signedOn, signedBy, actor, Now), ct);

    public Task<ContractStep> AmendAsync(ClaimsPrincipal officer, Guid id, DateOnly startsOn, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.DraftAmendment(startsOn, actor, Now), ct);

    public Task<ContractStep> DiscardDraftVersionAsync(ClaimsPrincipal officer, Guid id, Guid versionId, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.DiscardDraftVersion(versionId, actor, Now), ct);

    public Task<ContractStep> AttachRequirementAsync(ClaimsPrincipal officer, Guid id, Guid versionId, RequirementKey key, CancellationToken ct = default) =>
        StepAsync(officer, id, async (contract, actor) =>
        {
            var requirement = (await catalogue.CurrentAsync(ct)).Find(key)
                ?? throw new DomainRuleViolated(DomainRule.RequirementNotAttached, $"{key} is not in the catalogue.", key.ToString());
            contract.AttachRequirement(versionId, requirement, actor, Now);
        }, ct);

    public Task<ContractStep> AttachSectionAsync(ClaimsPrincipal officer, Guid id, Guid versionId, string setId, string section, CancellationToken ct = default) =>
        StepAsync(officer, id, async (contract, actor) =>
            contract.AttachSection(versionId, setId, section, (await catalogue.CurrentAsync(ct)).Requirements, actor, Now), ct);

    public Task<ContractStep> DetachRequirementAsync(ClaimsPrincipal officer, Guid id, Guid versionId, RequirementKey key, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.DetachRequirement(versionId, key, actor, Now), ct);

    public Task<ContractStep> TightenThresholdAsync(ClaimsPrincipal officer, Guid id, Guid versionId, RequirementKey key, string metric, string limit, decimal value, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.TightenThreshold(versionId, key, metric, limit, value, actor, Now), ct);

    public Task<ContractStep> AddCoverageRuleAsync(ClaimsPrincipal officer, Guid id, CoverageRuleKind kind, string? locationId, string? evseUid, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.AddCoverageRule(kind, EvseRef.Parse(locationId, evseUid), actor, Now), ct);

    public Task<ContractStep> RemoveCoverageRuleAsync(ClaimsPrincipal officer, Guid id, long ruleId, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) => contract.RemoveCoverageRule(ruleId, actor, Now), ct);

    public Task<ContractStep> SetEvseRecordAsync(ClaimsPrincipal officer, Guid id, string? locationId, string? evseUid, DateOnly? goLiveOn, DateOnly? decommissionedOn,
        string? simultaneityGroup, CancellationToken ct = default) =>
        Step(officer, id, (contract, actor) =>
        {
            var evse = EvseRef.Parse(locationId, evseUid);
            if (evse.IsWholeLocation)
                throw new DomainRuleViolated(DomainRule.CoverageEvseMissing, "Name the EVSE's uid.");
            contract.SetEvseRecord(evse, goLiveOn, decommissionedOn, simultaneityGroup, actor, Now);
        }, ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<ContractStep> Step(ClaimsPrincipal officer, Guid id, Action<Contract, ContractActor> step, CancellationToken ct) =>
        StepAsync(officer, id, (contract, actor) => { step(contract, actor); return Task.CompletedTask; }, ct);

    private async Task<ContractStep> StepAsync(ClaimsPrincipal officer, Guid id, Func<Contract, ContractActor, Task> step, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var contract = await Load(db.Contracts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || !viewer.CanEdit(contract))
            throw new UnauthorizedAccessException("Only an officer of the contract's lead municipality changes it.");
        try
        {
            await step(contract, await ActorAsync(officer));
            await db.SaveChangesAsync(ct);
            return new ContractStep(contract.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new ContractStep(contract.Id, RuleMessages.Text(T, e));
        }
    }

    private async Task RequireFreeReferenceAsync(Contract contract, CancellationToken ct)
    {
        if (await db.Contracts.AnyAsync(c => c.Id != contract.Id && c.LeadMunicipalityId == contract.LeadMunicipalityId && c.Reference == contract.Reference, ct))
            throw new DomainRuleViolated(DomainRule.ContractReferenceTaken, $"The reference {contract.Reference} is already in use.", contract.Reference);
    }

    internal static IQueryable<Contract> Load(IQueryable<Contract> contracts) =>
        contracts.Include(c => c.Municipalities)
            .Include(c => c.Versions).ThenInclude(v => v.Requirements)
            .Include(c => c.Versions).ThenInclude(v => v.Penalties)
            .Include(c => c.CoverageRules).Include(c => c.EvseRecords).Include(c => c.History).Include(c => c.GridConnections)
            .AsSplitQuery();

    private ContractStep Problem(string key) => new(null, T[key]);

    private async Task<ContractActor> ActorAsync(ClaimsPrincipal officer)
    {
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new ContractActor(user.Id, user.DisplayName);
    }
}
