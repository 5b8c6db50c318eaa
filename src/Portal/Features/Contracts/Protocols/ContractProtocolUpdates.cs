using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Features.Contracts.Protocols;

/// <summary>
/// A contract's protocol update due dates (<see cref="ProtocolUpdateRule"/>) from the certifications administrators
/// recorded, the catalogue's standards of the attached requirements and the contract's evidence.
/// </summary>
internal sealed class ContractProtocolUpdates(PortalDbContext db, ContractQueries contracts, IRequirementCatalogue catalogue)
{
    /// <summary>The contract's due dates today, or null when the reader may not see the contract.</summary>
    public async Task<ProtocolUpdatesView?> ForAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var view = await contracts.ViewAsync(user, contractId, ct);
        if (view is null)
            return null;
        var updates = await ComputeAsync([view.Contract], view.Today, ct);
        return new ProtocolUpdatesView(view.Today, updates[view.Contract.Id]);
    }

    /// <summary>The due dates of each contract on <paramref name="today"/>, reading the certifications and the catalogue once.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ContractProtocolUpdate>>> ComputeAsync(IReadOnlyCollection<Contract> list, DateOnly today, CancellationToken ct = default)
    {
        var current = await catalogue.CurrentAsync(ct);
        var certifications = await db.ProtocolCertifications.AsNoTracking().ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var evidence = (await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => ids.Contains(e.ContractId))
                .Select(e => new { e.Id, e.ContractId, e.SetId, e.Code, e.Standard, e.Title, e.Decision, e.DecidedAtUtc }).ToListAsync(ct))
            .ToLookup(e => e.ContractId, e => new ProtocolUpdateEvidence(e.Id, new Domain.Requirements.RequirementKey(e.SetId, e.Code), e.Standard, e.Title, e.Decision,
                e.DecidedAtUtc is { } decided ? DutchCalendar.Day(decided) : null));
        return list.ToDictionary(c => c.Id, c => ProtocolUpdateRule.For(c, key => current.Find(key)?.Standards ?? [], certifications, evidence[c.Id], today));
    }
}

/// <summary>The protocol updates section: the day judged and every due date.</summary>
internal sealed record ProtocolUpdatesView(DateOnly Today, IReadOnlyList<ContractProtocolUpdate> Updates);
