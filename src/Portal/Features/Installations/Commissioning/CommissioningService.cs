using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Features.Map;
using Portal.Integration.Accounts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations.Commissioning;

/// <summary>
/// Commissioning proven by the data: the OCPI locations of the case's CPO near the spot with an EVSE ready to charge
/// (<see cref="CommissioningMatch"/>), computed when asked, so a location a pull or push just brought in is proposed at
/// once. Confirming one does it all in one save: the case's step is done on the go-live day, the spot is realised,
/// the covering contract's records of those EVSEs get the go-live day, and the applicants whose application led to the
/// spot are mailed that the point is live.
/// </summary>
internal sealed class CommissioningService(
    PortalDbContext db,
    InstallationAccess access,
    CommissioningMailer mailer,
    MapIndexCache mapIndexes,
    UserManager<PortalUser> users,
    IOptions<CommissioningOptions> options,
    TimeProvider clock,
    IStringLocalizer<Texts> T)
{
    private double MaxDistance => options.Value.CommissioningMaxDistanceMetres;

    /// <summary>The panel's view of a case, or null when the person may not see the case.</summary>
    public async Task<CommissioningView?> ViewAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.AsNoTracking().Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (installation is null || !viewer.CanRead(installation))
            return null;
        var committed = installation[InstallationStep.Commissioned];
        IReadOnlyList<CommissioningProposal> proposals = [];
        if (!installation.IsClosed && !committed.IsDone)
        {
            var spot = await db.Spots.AsNoTracking().SingleAsync(s => s.Id == installation.SpotId, ct);
            var found = await ProposeAsync(installation, spot, ct);
            proposals = [.. found.Select(p => new CommissioningProposal(p.Match.Location.LocationSourceId, p.Location.OcpiLocationId ?? p.Location.SourceId,
                p.Location.Name, p.Location.Address, p.Location.City, p.Match.DistanceMetres, p.Match.ReadyEvseUids))];
        }
        return new CommissioningView(installation.Id, installation.Reference, installation.IsClosed, viewer.CanReport(installation) && !installation.IsClosed,
            MaxDistance, installation.CommissionedLocationSourceId, committed.DoneOn, installation.CommissionedEvseUids, proposals);
    }

    /// <summary>
    /// Confirms the proposed location <paramref name="locationSourceId"/> as the case's charge point, live from
    /// <paramref name="goLiveOn"/>. The case's CPO or the municipality's officers; anyone else is refused with
    /// <see cref="UnauthorizedAccessException"/>. A location no longer proposed, or a broken rule, comes back as the problem.
    /// </summary>
    public async Task<InstallationStepResult> ConfirmAsync(ClaimsPrincipal user, Guid caseId, string? locationSourceId, DateOnly goLiveOn, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (installation is null || !viewer.CanReport(installation))
            throw new UnauthorizedAccessException("Not a case this person may change.");
        var spot = await db.Spots.SingleAsync(s => s.Id == installation.SpotId, ct);
        var found = (await ProposeAsync(installation, spot, ct)).FirstOrDefault(p => p.Match.Location.LocationSourceId == locationSourceId);
        if (found is null)
            return new InstallationStepResult(installation.Id, T["Commissioning.NotProposed"]);
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("Signed-in user not found.");
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            installation.ConfirmCommissioning(found.Match, goLiveOn, new InstallationActor(person.Id, person.DisplayName), DutchCalendar.Day(now), now);
            spot.RealiseByCommissioning(installation.Reference, new SpotActor(person.Id, person.DisplayName), now);
            await SetGoLiveAsync(installation, found, goLiveOn, new ContractActor(person.Id, person.DisplayName), now, ct);
            await mailer.EnqueueLiveAsync(installation, spot, goLiveOn, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolated e)
        {
            return new InstallationStepResult(installation.Id, RuleMessages.Text(T, e));
        }
        mapIndexes.InvalidateSpots(spot.MunicipalityId);
        return new InstallationStepResult(installation.Id, null);
    }

    private sealed record Found(ProposedCommissioning Match, ChargeLocation Location);

    /// <summary>The CPO's locations within the distance of the spot (a box on RD metres first, then the exact rule).</summary>
    private async Task<IReadOnlyList<Found>> ProposeAsync(InstallationCase installation, Spot spot, CancellationToken ct)
    {
        var reach = MaxDistance;
        double west = spot.RdX - reach, east = spot.RdX + reach, south = spot.RdY - reach, north = spot.RdY + reach;
        var operatorId = installation.OperatorId;
        var near = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses)
            .Where(l => l.OperatorId == operatorId && l.RdX >= west && l.RdX <= east && l.RdY >= south && l.RdY <= north)
            .ToListAsync(ct);
        var bySource = near.ToDictionary(l => l.SourceId, StringComparer.Ordinal);
        var candidates = near.Select(l => new CommissioningCandidate(l.SourceId, l.OperatorId, l.Position, [.. l.Evses.Select(e => new CandidateEvse(e.Uid, e.Status))]));
        return [.. CommissioningMatch.Propose(spot.Position, operatorId, candidates, reach).Select(m => new Found(m, bySource[m.Location.LocationSourceId]))];
    }

    /// <summary>
    /// The go-live day on the records of the EVSEs that went live, in the contract of the case or else in the CPO's
    /// contracts for the municipality, wherever the contract covers them; their decommission day and group stay.
    /// </summary>
    private async Task SetGoLiveAsync(InstallationCase installation, Found found, DateOnly goLiveOn, ContractActor actor, DateTime nowUtc, CancellationToken ct)
    {
        var query = db.Contracts.Include(c => c.Municipalities).Include(c => c.CoverageRules).Include(c => c.EvseRecords).AsSplitQuery();
        var contracts = installation.ContractId is { } contractId
            ? await query.Where(c => c.Id == contractId).ToListAsync(ct)
            : await query.Where(c => c.OperatorId == installation.OperatorId && c.Municipalities.Any(m => m.MunicipalityId == installation.MunicipalityId)).ToListAsync(ct);
        var locationId = found.Location.OcpiLocationId ?? found.Location.SourceId;
        foreach (var contract in contracts)
        {
            var covered = (await ContractEvses.ResolveAsync(db, contract, ct)).Covered.ToHashSet();
            foreach (var uid in found.Match.ReadyEvseUids)
            {
                var evse = new EvseRef(locationId, uid);
                if (!covered.Contains(evse))
                    continue;
                var existing = contract.EvseRecords.SingleOrDefault(r => r.Evse == evse);
                contract.SetEvseRecord(evse, goLiveOn, existing?.DecommissionedOn, existing?.SimultaneityGroup, actor, nowUtc);
            }
        }
    }
}
