using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;

namespace Portal.Features.Contracts.Evidence;

/// <summary>What the contract page's evidence section and the downloads read, limited to those who may see the contract (<see cref="EvidenceAccess"/>).</summary>
internal sealed class EvidenceQueries(PortalDbContext db, EvidenceAccess access, TimeProvider clock)
{
    /// <summary>The contract's evidence (newest first, with every step), its findings (newest first) and what the reader may do; null when they may not see it.</summary>
    public async Task<EvidenceOverview?> OverviewAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var reach = await access.ReachAsync(user, contractId, ct);
        if (reach is null)
            return null;
        var evidence = await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => e.ContractId == contractId)
            .Include(e => e.Evses).Include(e => e.Steps).AsSplitQuery()
            .OrderByDescending(e => e.UploadedAtUtc).ToListAsync(ct);
        var findings = await FindingsAsync(contractId, ct);
        var requirements = reach.Contract.Versions.SelectMany(v => v.Requirements).Select(r => r.Key).Distinct()
            .OrderBy(k => k.SetId, StringComparer.Ordinal).ThenBy(k => k.Code, StringComparer.Ordinal).ToList();
        return new EvidenceOverview(reach.CanUpload, reach.CanDecide, requirements, evidence, findings, DutchCalendar.Day(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The stored file of a piece of evidence, for those who may see its contract; null otherwise, whatever ids were tried.</summary>
    public async Task<EvidenceFileRef?> FileAsync(ClaimsPrincipal user, Guid contractId, Guid evidenceId, CancellationToken ct = default)
    {
        if (await access.ReachAsync(user, contractId, ct) is null)
            return null;
        return await db.Set<SubmittedEvidence>().AsNoTracking().Where(e => e.Id == evidenceId && e.ContractId == contractId)
            .Select(e => new EvidenceFileRef(e.StorageKey, e.ContentType, e.FileName)).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ContractFinding>> FindingsAsync(Guid contractId, CancellationToken ct = default) =>
        (await db.Set<ContractFinding>().AsNoTracking().Where(f => f.ContractId == contractId).ToListAsync(ct))
            .OrderByDescending(f => f.FoundAtUtc).ThenByDescending(f => f.Id).ToList();
}

internal sealed record EvidenceOverview(
    bool CanUpload,
    bool CanDecide,
    IReadOnlyList<RequirementKey> Requirements,
    IReadOnlyList<SubmittedEvidence> Evidence,
    IReadOnlyList<ContractFinding> Findings,
    DateOnly Today);

internal sealed record EvidenceFileRef(string StorageKey, string ContentType, string FileName);
