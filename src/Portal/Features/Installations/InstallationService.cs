using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations;

/// <summary>The result of a step on a case: its id, or the problem in the reader's language with nothing saved.</summary>
internal sealed record InstallationStepResult(Guid? CaseId, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Changes to installation cases, each a Domain step saved with its history entry. Someone who may not see a case, or
/// may not make that change to it, is refused with <see cref="UnauthorizedAccessException"/>; a broken rule comes back
/// as the problem in the reader's language.
/// </summary>
internal sealed class InstallationService(PortalDbContext db, InstallationAccess access, ChargePointLeavesSpot leaving, SignsFollowInstallation signs, UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DutchCalendar.Day(Now);

    /// <summary>A case for a spot ready for installation, assigned to a CPO; one open case per spot.</summary>
    public Task<InstallationStepResult> OpenAsync(ClaimsPrincipal officer, Guid spotId, Guid? operatorId, Guid? contractId, CancellationToken ct = default) =>
        OpenCaseAsync(officer, InstallationCaseKind.NewChargePoint, spotId, null, operatorId, contractId, ct);

    /// <summary>
    /// The charge point on <paramref name="fromSpotId"/> (in use) moves to <paramref name="toSpotId"/>, which has its own
    /// traffic order and is ready for installation; once it is placed there, the old spot is retired.
    /// </summary>
    public Task<InstallationStepResult> OpenRelocationAsync(ClaimsPrincipal officer, Guid fromSpotId, Guid toSpotId, Guid? operatorId, Guid? contractId, CancellationToken ct = default) =>
        OpenCaseAsync(officer, InstallationCaseKind.Relocation, toSpotId, fromSpotId, operatorId, contractId, ct);

    /// <summary>The charge point on a spot in use is taken away; once it is, the spot is retired (its traffic order is revoked by an order of its own).</summary>
    public Task<InstallationStepResult> OpenRemovalAsync(ClaimsPrincipal officer, Guid spotId, Guid? operatorId, Guid? contractId, CancellationToken ct = default) =>
        OpenCaseAsync(officer, InstallationCaseKind.Removal, spotId, null, operatorId, contractId, ct);

    private async Task<InstallationStepResult> OpenCaseAsync(ClaimsPrincipal officer, InstallationCaseKind kind, Guid spotId, Guid? fromSpotId, Guid? operatorId, Guid? contractId, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var ids = fromSpotId is { } from ? new[] { spotId, from } : [spotId];
        var spots = await db.Spots.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        if (ids.Any(id => !spots.TryGetValue(id, out var found) || !viewer.Municipalities.Contains(found.MunicipalityId)))
            throw new UnauthorizedAccessException("Not a spot of the officer's municipalities.");
        var spot = spots[spotId];
        if (kind == InstallationCaseKind.Removal ? spot.Status != SpotStatus.Realised : spot.Status != SpotStatus.ReadyForInstallation)
            return new InstallationStepResult(null, kind == InstallationCaseKind.Removal ? T["Installations.NotRealised", spot.Address] : T["Installations.SpotNotReady", spot.Address]);
        if (fromSpotId is { } old && spots[old].Status != SpotStatus.Realised)
            return new InstallationStepResult(null, T["Installations.NotRealised", spots[old].Address]);
        if (operatorId is not { } cpo || !await db.Operators.AnyAsync(o => o.Id == cpo, ct))
            return new InstallationStepResult(null, T["Installations.OperatorRequired"]);
        var open = await db.InstallationCases.AsNoTracking()
            .Where(c => (ids.Contains(c.SpotId) || (c.RelocatedFromSpotId != null && ids.Contains(c.RelocatedFromSpotId.Value)))
                && c.Status != InstallationCaseStatus.Cancelled && c.Status != InstallationCaseStatus.Completed)
            .Select(c => new { c.Reference, c.SpotId, c.RelocatedFromSpotId }).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            var busy = ids.Contains(open.SpotId) ? open.SpotId : open.RelocatedFromSpotId!.Value;
            return new InstallationStepResult(null, T["Installations.SpotHasCase", spots[busy].Address, open.Reference]);
        }
        var now = Now;
        try
        {
            var installation = InstallationCase.Open(spot.MunicipalityId, await NextReferenceAsync(spot.MunicipalityId, now, ct), kind,
                spotId, cpo, contractId, await ActorAsync(officer), now, fromSpotId);
            db.InstallationCases.Add(installation);
            await db.SaveChangesAsync(ct);
            return new InstallationStepResult(installation.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new InstallationStepResult(null, RuleMessages.Text(T, e));
        }
    }

    /// <summary>The case with its steps and history, or null when the person may not see it.</summary>
    public async Task<InstallationCase?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.AsNoTracking().Include(c => c.Steps).Include(c => c.History)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        return installation is not null && viewer.CanRead(installation) ? installation : null;
    }

    public Task<InstallationStepResult> AcceptAsync(ClaimsPrincipal cpoUser, Guid id, string? comment, CancellationToken ct = default) =>
        ReportAsync(cpoUser, id, InstallationStep.AcceptedByCpo, Today, comment, ct);

    public Task<InstallationStepResult> ReportAsync(ClaimsPrincipal user, Guid id, InstallationStep step, DateOnly doneOn, string? comment, CancellationToken ct = default) =>
        StepAsync(user, id, Reporting.Report, (c, actor) => c.Report(step, doneOn, comment, actor, Today, Now), ct, step switch
        {
            InstallationSteps.ChargePointMoves => (c, actor) => leaving.FollowAsync(c, actor, Now, ct),
            InstallationStep.SignsPlaced => (c, _) => signs.FollowAsync(c, Now, ct),
            _ => null,
        });

    public Task<InstallationStepResult> PlanAsync(ClaimsPrincipal user, Guid id, InstallationStep step, DateOnly? plannedOn, CancellationToken ct = default) =>
        StepAsync(user, id, Reporting.Report, (c, actor) => c.Plan(step, plannedOn, actor, Now), ct);

    public Task<InstallationStepResult> RequestGridConnectionAsync(ClaimsPrincipal user, Guid id, string? gridOperator, string? reference, GridConnectionKind kind, DateOnly requestedOn, string? comment, CancellationToken ct = default) =>
        StepAsync(user, id, Reporting.Report, (c, actor) => c.RequestGridConnection(new GridConnectionRequest(gridOperator ?? "", reference, kind, requestedOn), comment, actor, Today, Now), ct);

    public Task<InstallationStepResult> RecordGridConnectedAsync(ClaimsPrincipal user, Guid id, DateOnly connectedOn, CancellationToken ct = default) =>
        StepAsync(user, id, Reporting.Report, (c, actor) => c.RecordGridConnected(connectedOn, actor, Today, Now), ct);

    public Task<InstallationStepResult> PlanDiggingAsync(ClaimsPrincipal user, Guid id, DateOnly? diggingStartsOn, CancellationToken ct = default) =>
        StepAsync(user, id, Reporting.Report, (c, actor) => c.PlanDigging(diggingStartsOn, actor, Now), ct);

    public Task<InstallationStepResult> PauseAsync(ClaimsPrincipal officer, Guid id, string? reason, CancellationToken ct = default) =>
        StepAsync(officer, id, Reporting.Manage, (c, actor) => c.Pause(reason, actor, Now), ct);

    public Task<InstallationStepResult> ResumeAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default) =>
        StepAsync(officer, id, Reporting.Manage, (c, actor) => c.Resume(actor, Now), ct);

    /// <summary>Stops the case; its spot stays ready for installation, as it was before the case.</summary>
    public Task<InstallationStepResult> CancelAsync(ClaimsPrincipal officer, Guid id, string? reason, CancellationToken ct = default) =>
        StepAsync(officer, id, Reporting.Manage, (c, actor) => c.Cancel(reason, actor, Now), ct);

    /// <summary>
    /// The work moves to another spot of the same municipality that is ready for installation and has no open case;
    /// the steps done so far stay with the case.
    /// </summary>
    public async Task<InstallationStepResult> MoveAsync(ClaimsPrincipal officer, Guid id, Guid spotId, string? reason, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var installation = await db.InstallationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (installation is null || !viewer.CanManage(installation))
            throw new UnauthorizedAccessException("Not a case this person may change.");
        var spot = await db.Spots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == spotId && s.MunicipalityId == installation.MunicipalityId, ct);
        if (spot is null)
            return new InstallationStepResult(id, T["InstallationBoard.MoveSpotRequired"]);
        if (spot.Id != installation.SpotId)
        {
            if (spot.Status != SpotStatus.ReadyForInstallation)
                return new InstallationStepResult(id, T["Installations.SpotNotReady", spot.Address]);
            var open = await db.InstallationCases.AsNoTracking()
                .Where(c => c.SpotId == spotId && c.Status != InstallationCaseStatus.Cancelled && c.Status != InstallationCaseStatus.Completed)
                .Select(c => c.Reference).FirstOrDefaultAsync(ct);
            if (open is not null)
                return new InstallationStepResult(id, T["Installations.SpotHasCase", spot.Address, open]);
        }
        return await StepAsync(officer, id, Reporting.Manage, (c, actor) => c.MoveTo(spotId, reason, actor, Now), ct);
    }

    private enum Reporting
    {
        Report,
        Manage,
    }

    private async Task<InstallationStepResult> StepAsync(ClaimsPrincipal user, Guid id, Reporting needs, Action<InstallationCase, InstallationActor> step, CancellationToken ct,
        Func<InstallationCase, InstallationActor, Task>? follow = null)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.Include(c => c.Steps).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (installation is null || !(needs == Reporting.Manage ? viewer.CanManage(installation) : viewer.CanReport(installation)))
            throw new UnauthorizedAccessException("Not a case this person may change.");
        try
        {
            var actor = await ActorAsync(user);
            step(installation, actor);
            if (follow is not null)
                await follow(installation, actor);
            await db.SaveChangesAsync(ct);
            return new InstallationStepResult(installation.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new InstallationStepResult(installation.Id, RuleMessages.Text(T, e));
        }
    }

    /// <summary>"IN-2026-0007": the municipality's cases of the (Dutch) year, numbered on.</summary>
    private async Task<string> NextReferenceAsync(Guid municipalityId, DateTime nowUtc, CancellationToken ct)
    {
        var prefix = YearlyReference.Prefix("IN", DutchCalendar.Day(nowUtc).Year);
        return YearlyReference.Next(prefix, await db.InstallationCases.AsNoTracking()
            .Where(c => c.MunicipalityId == municipalityId && c.Reference.StartsWith(prefix))
            .Select(c => c.Reference).ToListAsync(ct));
    }

    private async Task<InstallationActor> ActorAsync(ClaimsPrincipal user)
    {
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new InstallationActor(person.Id, person.DisplayName);
    }
}
