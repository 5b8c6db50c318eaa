using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;
using Portal.Integration.Accounts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Contracts.Evidence;

/// <summary>
/// Evidence given and decided on: a CPO user of the contract's operator uploads it (the file checked and kept like an
/// application's documents), an officer of one of its municipalities accepts or rejects it. Someone without that
/// reach is refused with <see cref="UnauthorizedAccessException"/>; a broken rule or a refused file comes back as the
/// problem in the reader's language, with nothing saved and no file left behind.
/// </summary>
internal sealed class EvidenceService(PortalDbContext db, EvidenceAccess access, ContractFileUpload files, UserManager<PortalUser> users,
    TimeProvider clock, IStringLocalizer<Texts> T)
{
    public async Task<EvidenceStepResult> UploadAsync(ClaimsPrincipal cpo, Guid contractId, EvidenceUpload upload, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var reach = await access.ReachAsync(cpo, contractId, ct);
        if (reach is not { CanUpload: true })
            throw new UnauthorizedAccessException("Only a CPO user of the contract's operator gives its evidence.");
        if (upload.Requirement is not { } key || !reach.Contract.Versions.Any(v => v.Requirements.Any(r => r.Key == key)))
            return Problem(new DomainRuleViolated(DomainRule.EvidenceRequirementNotAttached, "Not a requirement of this contract.", upload.Requirement?.ToString() ?? "–"));
        if (upload.IssuedOn is not { } issued)
            return new EvidenceStepResult(null, T["Evidence.IssuedRequired"]);

        List<EvseRef> evses;
        try
        {
            evses = await EvsesAsync(reach.Contract, upload.Evses, ct);
        }
        catch (DomainRuleViolated e)
        {
            return Problem(e);
        }

        var (id, problem) = await files.StoreAsync(content, SubmittedEvidence.MaxSizeBytes, async stored =>
        {
            var details = new EvidenceDetails(upload.Kind, upload.Title, upload.Issuer, upload.Standard, issued, upload.ExpiresOn, evses, upload.Models);
            var file = new EvidenceFile(upload.FileName, stored.ContentType, stored.SizeBytes, stored.Key);
            var evidence = SubmittedEvidence.Submit(contractId, reach.Contract.OperatorId, key, details, file, await ActorAsync(cpo), Now);
            db.Add(evidence);
            await db.SaveChangesAsync(ct);
            return evidence.Id;
        }, ct);
        return new EvidenceStepResult(id, problem);
    }

    public async Task<EvidenceStepResult> DecideAsync(ClaimsPrincipal officer, Guid contractId, Guid evidenceId, bool accept, string? reason, CancellationToken ct = default)
    {
        var reach = await access.ReachAsync(officer, contractId, ct);
        if (reach is not { CanDecide: true })
            throw new UnauthorizedAccessException("Only an officer of the contract's municipalities decides on its evidence.");
        var evidence = await db.Set<SubmittedEvidence>().Include(e => e.Steps).Include(e => e.Evses)
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.ContractId == contractId, ct)
            ?? throw new UnauthorizedAccessException("Not evidence of this contract.");
        try
        {
            var actor = await ActorAsync(officer);
            if (accept)
                evidence.Accept(reason, actor, Now);
            else
                evidence.Reject(reason, actor, Now);
            await db.SaveChangesAsync(ct);
            return new EvidenceStepResult(evidence.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return Problem(e);
        }
    }

    /// <summary>
    /// The EVSEs typed, one per line or separated by commas, as "LOCATION/UID" or a whole "LOCATION": each must be
    /// (or hold) an EVSE the contract covers.
    /// </summary>
    private async Task<List<EvseRef>> EvsesAsync(Contract contract, string? typed, CancellationToken ct)
    {
        var typedEvses = EvseRef.ParseList(typed);
        if (!typedEvses.Any())
            return [];
        var covered = (await ContractEvses.CoveredAsync(db, contract, ct)).Select(c => c.Evse).ToList();
        var result = new List<EvseRef>();
        foreach (var evse in typedEvses)
        {
            if (!covered.Any(evse.Covers))
                throw new DomainRuleViolated(DomainRule.EvidenceEvseNotCovered, $"{evse} is not covered by the contract.", evse.ToString());
            result.Add(evse);
        }
        return result;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private EvidenceStepResult Problem(DomainRuleViolated e) => new(null, RuleMessages.Text(T, e));

    private async Task<ContractActor> ActorAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        return new ContractActor(user.Id, user.DisplayName);
    }
}

/// <summary>What the CPO user filled in; the file comes beside it as a stream.</summary>
internal sealed record EvidenceUpload(
    RequirementKey? Requirement,
    EvidenceKind Kind,
    string? Title,
    string? Issuer,
    string? Standard,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    string? Evses,
    string? Models,
    string FileName);

/// <summary>The evidence the step was about, or the problem that stopped it.</summary>
internal sealed record EvidenceStepResult(Guid? EvidenceId, string? Problem)
{
    public bool Succeeded => Problem is null;
}
