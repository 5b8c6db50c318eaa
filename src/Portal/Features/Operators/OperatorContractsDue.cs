using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Features.Accounts;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Contracts.Protocols;
using Portal.Integration.Persistence;

namespace Portal.Features.Operators;

/// <summary>
/// What is due on the CPO user's own contracts, for their home: requirements whose evidence is due or expired (the
/// contract page's requirement states of the version in force), evidence that expires within 60 days with no accepted
/// renewal (the reminders' horizon), the findings recorded, and the protocol updates not yet closed. Everything is read
/// through the contract pages' own queries, so the home shows what the contract page shows.
/// </summary>
internal sealed class OperatorContractsDue(PortalDbContext db, TenantAccess tenants, ContractQueries contracts, EvidenceQueries evidence, ContractProtocolUpdates protocols)
{
    public async Task<IReadOnlyList<OperatorContractDue>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await tenants.OperatorOfAsync(user, ct) is not { } own)
            return [];
        var list = await contracts.ListAsync(user, GridQuery.Default with { PageSize = 500 }, new ContractFilter(null, own, null, null), ct);
        var result = new List<OperatorContractDue>();
        foreach (var row in list.Items.OrderBy(r => r.Reference, StringComparer.CurrentCultureIgnoreCase))
        {
            if (await contracts.ViewAsync(user, row.Id, ct) is not { } view)
                continue;
            var today = view.Today;
            var version = view.Contract.VersionInForceOn(today) ?? view.Contract.LatestSigned;
            var states = version is null ? [] : await contracts.RequirementStatesAsync(view, version, ct);
            var evidenceDue = states
                .Where(s => s.State.Kind is RequirementStateKind.EvidenceDue or RequirementStateKind.EvidenceExpired)
                .Select(s => new DueRequirement(s.Attached.Key.SetId, s.Attached.Key.Code, s.State.Kind, s.State.Day))
                .ToList();
            var expiring = await ExpiringAsync(row.Id, today, ct);
            var findings = await evidence.FindingsAsync(row.Id, ct);
            var updates = (await protocols.ComputeAsync([view.Contract], today, ct))[row.Id]
                .Where(u => !u.IsClosed).OrderBy(u => u.DueOn).ToList();
            result.Add(new OperatorContractDue(row.Id, row.Reference, row.LotName, row.Status, today, evidenceDue, expiring, findings.Count,
                findings.Count == 0 ? null : findings[0].FoundOn, updates));
        }
        return result;
    }

    private async Task<IReadOnlyList<ExpiringEvidence>> ExpiringAsync(Guid contractId, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(EvidenceExpiry.FirstReminderDays);
        var all = await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => e.ContractId == contractId && e.Decision != EvidenceDecision.Rejected)
            .Include(e => e.Evses).AsSplitQuery().ToListAsync(ct);
        var accepted = all.Where(e => e.Decision == EvidenceDecision.Accepted).ToList();
        return all.Where(e => e.ExpiresOn is { } expires && expires >= today && expires <= horizon && !accepted.Any(e.IsRenewedBy))
            .OrderBy(e => e.ExpiresOn)
            .Select(e => new ExpiringEvidence(e.SetId, e.Code, e.Title, e.ExpiresOn!.Value))
            .ToList();
    }
}

/// <summary>One contract of the operator and what is due on it.</summary>
internal sealed record OperatorContractDue(
    Guid Id,
    string Reference,
    string? LotName,
    ContractStatus Status,
    DateOnly Today,
    IReadOnlyList<DueRequirement> EvidenceDue,
    IReadOnlyList<ExpiringEvidence> Expiring,
    int Findings,
    DateOnly? LatestFindingOn,
    IReadOnlyList<ContractProtocolUpdate> ProtocolUpdates)
{
    public bool NothingDue => EvidenceDue.Count == 0 && Expiring.Count == 0 && Findings == 0 && ProtocolUpdates.Count == 0;
}

internal sealed record DueRequirement(string SetId, string Code, RequirementStateKind Kind, DateOnly? Day);

internal sealed record ExpiringEvidence(string SetId, string Code, string Title, DateOnly ExpiresOn);
