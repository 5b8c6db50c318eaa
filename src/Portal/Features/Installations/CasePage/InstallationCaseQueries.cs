using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Features.Installations.Board;
using Portal.Features.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations.CasePage;

/// <summary>What the case page and the spot page's "open a case" dialog read; null or empty for someone who may not see it.</summary>
internal sealed class InstallationCaseQueries(PortalDbContext db, InstallationAccess access, InstallationService cases, RemovalTrafficOrders removals,
    IOptions<TrafficOrderOptions> options, TimeProvider clock)
{
    private readonly TermsCalendar _calendar = TermsCalendar.Default.With(options.Value.EquatedDays);

    private DateOnly Today => DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);

    public async Task<InstallationCaseView?> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var installation = await cases.FindAsync(user, id, ct);
        if (installation is null)
            return null;
        var viewer = await access.ViewerAsync(user, ct);
        var spot = await db.Spots.AsNoTracking().Where(s => s.Id == installation.SpotId).Select(s => s.Address).SingleAsync(ct);
        var operatorName = await db.Operators.AsNoTracking().Where(o => o.Id == installation.OperatorId).Select(o => o.Name).SingleAsync(ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == installation.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var contract = installation.ContractId is { } contractId
            ? await db.Contracts.AsNoTracking().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == contractId, ct)
            : null;
        var attachments = await db.InstallationAttachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
        var today = Today;
        return new InstallationCaseView(installation, spot, operatorName, municipality, installation.ContractId, contract?.Reference,
            installation.Overdue(today, _calendar), installation.DigNotificationWindow(_calendar), attachments,
            viewer.CanManage(installation) && !installation.IsClosed, viewer.CanReport(installation) && !installation.IsClosed, today)
        {
            RelocatedFromAddress = installation.RelocatedFromSpotId is { } from
                ? await db.Spots.AsNoTracking().Where(s => s.Id == from).Select(s => s.Address).SingleAsync(ct)
                : null,
            TermDueOn = installation.Find(InstallationStep.Commissioned) is not null ? contract?.InstallationDueOn(installation.OpenedOn) : null,
            RemovalOrders = installation.Kind == InstallationCaseKind.Removal ? await removals.OfSpotAsync(installation.SpotId, ct) : null,
        };
    }

    /// <summary>The spots of the case's municipality the case can move to: ready for installation, without an open case.</summary>
    public async Task<IReadOnlyList<SpotChoice>> MoveTargetsAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var installation = await db.InstallationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (installation is null || !viewer.CanManage(installation))
            return [];
        return await ReadySpotsWithoutCaseAsync(installation.MunicipalityId, ct);
    }

    private async Task<IReadOnlyList<SpotChoice>> ReadySpotsWithoutCaseAsync(Guid municipalityId, CancellationToken ct)
    {
        var taken = db.InstallationCases.Where(c => c.Status != InstallationCaseStatus.Cancelled && c.Status != InstallationCaseStatus.Completed).Select(c => c.SpotId);
        return await db.Spots.AsNoTracking()
            .Where(s => s.MunicipalityId == municipalityId && s.Status == SpotStatus.ReadyForInstallation && !taken.Contains(s.Id))
            .OrderBy(s => s.Address).Select(s => new SpotChoice(s.Id, s.Address)).ToListAsync(ct);
    }

    /// <summary>
    /// For an officer of the spot's municipality: every operator, and the one of the contract that covers the spot
    /// (a contract of the municipality in force today, else one signed to start later); also the spot's open case, if any.
    /// </summary>
    public async Task<OpenCaseChoices?> OpenChoicesAsync(ClaimsPrincipal officer, Guid spotId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var spot = await db.Spots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == spotId, ct);
        if (spot is null || !viewer.Municipalities.Contains(spot.MunicipalityId))
            return null;
        var operators = await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new BoardChoice(o.Id, o.Name)).ToListAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.Versions).AsSplitQuery()
            .Where(c => c.Municipalities.Any(m => m.MunicipalityId == spot.MunicipalityId)).ToListAsync(ct);
        var today = Today;
        var covering = contracts.Where(c => c.StatusOn(today) == ContractStatus.InForce).OrderBy(c => c.Reference, StringComparer.Ordinal).FirstOrDefault()
            ?? contracts.Where(c => c.StatusOn(today) == ContractStatus.Upcoming).OrderBy(c => c.Reference, StringComparer.Ordinal).FirstOrDefault();
        var open = await db.InstallationCases.AsNoTracking()
            .Where(c => (c.SpotId == spotId || c.RelocatedFromSpotId == spotId) && c.Status != InstallationCaseStatus.Cancelled && c.Status != InstallationCaseStatus.Completed)
            .Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync(ct);
        // A charge point in use: the CPO that commissioned it comes first, before the contract's.
        var placedBy = spot.Status == SpotStatus.Realised
            ? await db.InstallationCases.AsNoTracking().Where(c => c.SpotId == spotId && c.Status == InstallationCaseStatus.Completed)
                .OrderByDescending(c => c.UpdatedAtUtc).Select(c => (Guid?)c.OperatorId).FirstOrDefaultAsync(ct)
            : null;
        var targets = spot.Status == SpotStatus.Realised ? await ReadySpotsWithoutCaseAsync(spot.MunicipalityId, ct) : [];
        return placedBy is { } placer && placer != covering?.OperatorId
            ? new OpenCaseChoices(operators, placer, null, null, open?.Reference, open?.Id, targets)
            : new OpenCaseChoices(operators, covering?.OperatorId, covering?.Id, covering?.Reference, open?.Reference, open?.Id, targets);
    }
}
