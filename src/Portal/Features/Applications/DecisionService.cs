using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Spots;
using Portal.Features.Accounts;
using Portal.Features.Map;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// An officer's work on one application: assign, assess again, extend the term, ask for
/// information and decide. The caller loads the application through <see cref="ApplicationAccess"/>
/// (so only officers of its municipality get here). Each status change is saved with who, when and
/// why in the application's history, and then mailed to the resident with the officer's text.
/// </summary>
internal sealed class DecisionService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    ApplicationPolicySource policies,
    PreAssessmentInputs inputs,
    ApplicationMailer mailer,
    MapIndexCache maps,
    TenantAccess tenants,
    TimeProvider clock)
{
    /// <summary>How far from the application the approve and refer forms look for spots and charge points.</summary>
    public const double SpotRadiusMetres = 500;
    public const double ChargePointRadiusMetres = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task AssignToMeAsync(Application application, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var me = await ActorAsync(officer);
        var before = application.Status;
        application.AssignTo(me, me, Now);
        await SaveAsync(application, before, ct);
    }

    /// <summary>
    /// Gives applications to one officer, by an officer of their municipality (the queue's bulk
    /// action; the same rule as "assign to me", for a colleague). Only applications of the
    /// signed-in officer's municipalities are touched, and only to an officer of the application's
    /// own municipality; closed applications and those the chosen officer may not see are left
    /// as they are and counted as skipped. A submitted application goes into assessment, and its
    /// resident is told, as with "assign to me".
    /// </summary>
    public async Task<BulkAssignment> AssignAsync(ClaimsPrincipal by, IReadOnlyCollection<Guid> ids, string officerId, CancellationToken ct = default)
    {
        var mine = await tenants.MunicipalitiesOfAsync(by, ct);
        var target = await users.FindByIdAsync(officerId);
        if (mine.Count == 0 || target is null || !await users.IsInRoleAsync(target, Domain.Accounts.PortalRoles.Officer))
            return new BulkAssignment(0, ids.Count, null);
        var theirs = await db.OfficerMemberships.Where(m => m.UserId == target.Id).Select(m => m.MunicipalityId).ToListAsync(ct);
        var applications = await db.Applications.Include(a => a.History).Include(a => a.InformationRequests).AsSplitQuery()
            .Where(a => ids.Contains(a.Id) && mine.Contains(a.MunicipalityId) && a.Status != ApplicationStatus.Draft)
            .ToListAsync(ct);
        var actor = await ActorAsync(by);
        var officer = new ApplicationActor(target.Id, target.DisplayName);
        var assigned = 0;
        foreach (var application in applications.Where(a => a.IsOpen && theirs.Contains(a.MunicipalityId)))
        {
            var before = application.Status;
            application.AssignTo(officer, actor, Now);
            if (application.Status != before)
                await mailer.EnqueueAsync(application, ct);
            assigned++;
        }
        await db.SaveChangesAsync(ct);
        foreach (var municipality in applications.Select(a => a.MunicipalityId).Distinct())
            maps.InvalidateApplications(municipality);
        return new BulkAssignment(assigned, ids.Count - assigned, officer.Name);
    }

    /// <summary>The officers an application of the signed-in officer's municipalities can be given to: those of the same municipalities, by name.</summary>
    public async Task<IReadOnlyList<OfficerChoice>> ColleaguesAsync(ClaimsPrincipal by, CancellationToken ct = default)
    {
        var mine = await tenants.MunicipalitiesOfAsync(by, ct);
        var members = await db.OfficerMemberships.Where(m => mine.Contains(m.MunicipalityId)).Select(m => m.UserId).Distinct().ToListAsync(ct);
        var officers = await users.GetUsersInRoleAsync(Domain.Accounts.PortalRoles.Officer);
        return officers.Where(u => members.Contains(u.Id)).Select(u => new OfficerChoice(u.Id, u.DisplayName))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
    }

    public async Task ReassessAsync(Application application, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var input = await inputs.ForAsync(application, policy, ct);
        application.RecordPreAssessment(PreAssessment.Run(input, policy.Eligibility), Now);
        await db.SaveChangesAsync(ct);
        maps.InvalidateApplications(application.MunicipalityId);
    }

    public async Task<DateTime> ExtendDeadlineAsync(Application application, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var lastDay = application.ExtendDeadline(await ActorAsync(officer), policy.Deadline, Now);
        await mailer.EnqueueExtensionAsync(application, lastDay, ct);
        await db.SaveChangesAsync(ct);
        return lastDay;
    }

    public async Task AskForInformationAsync(Application application, ClaimsPrincipal officer, string question, CancellationToken ct = default)
    {
        var before = application.Status;
        application.AskForInformation(await ActorAsync(officer), question, Now);
        await SaveAsync(application, before, ct);
    }

    /// <summary>Approves onto an existing spot of the municipality, or (spotId null) onto a new spot at the application's point.</summary>
    public async Task<Guid> ApproveAsync(Application application, ClaimsPrincipal officer, Guid? spotId, string? text, CancellationToken ct = default)
    {
        var actor = await ActorAsync(officer);
        var spotActor = new SpotActor(actor.UserId, actor.Name);
        Spot spot;
        if (spotId is { } id)
        {
            spot = await db.Spots.FirstOrDefaultAsync(s => s.Id == id && s.MunicipalityId == application.MunicipalityId
                && s.Status != SpotStatus.Rejected && s.Status != SpotStatus.Retired, ct)
                ?? throw new Domain.Common.DomainRuleViolated(Domain.Common.DomainRule.SpotNotOpen, "That spot is not an open spot of this municipality.");
        }
        else
        {
            var details = new SpotDetails(AddressOf(application), 2, SpotSetUp.OnPavement, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"Aanvraag {application.Reference}"));
            spot = Spot.Create(application.MunicipalityId, application.Point, details, spotActor, Now);
            db.Spots.Add(spot);
        }
        // A candidate is now held for this application; a spot further along (approved, realised) keeps its status.
        if (spot.Status == SpotStatus.Candidate)
            spot.ChangeStatus(SpotStatus.Reserved, spotActor, Now, string.Create(CultureInfo.InvariantCulture, $"Aanvraag {application.Reference} toegekend"));
        var chosen = spot.Id;
        var before = application.Status;
        application.Approve(actor, chosen, text, Now);
        await SaveAsync(application, before, ct);
        maps.InvalidateSpots(application.MunicipalityId);
        return chosen;
    }

    public async Task ReferAsync(Application application, ClaimsPrincipal officer, Guid chargeLocationId, string text, CancellationToken ct = default)
    {
        if (!await db.ChargeLocations.AnyAsync(l => l.Id == chargeLocationId && l.IsPublic, ct))
            throw new Domain.Common.DomainRuleViolated(Domain.Common.DomainRule.NotAPublicChargePoint, "That is not a public charge point.");
        var before = application.Status;
        application.ReferTo(await ActorAsync(officer), chargeLocationId, text, Now);
        await SaveAsync(application, before, ct);
    }

    public async Task RejectAsync(Application application, ClaimsPrincipal officer, string text, CancellationToken ct = default)
    {
        var before = application.Status;
        application.Reject(await ActorAsync(officer), text, Now);
        await SaveAsync(application, before, ct);
    }

    /// <summary>Open spots of the municipality near the application, nearest first.</summary>
    public async Task<IReadOnlyList<SpotCandidate>> NearbySpotsAsync(Application application, CancellationToken ct = default)
    {
        var (minX, maxX, minY, maxY) = Box(application, SpotRadiusMetres);
        var spots = await db.Spots.AsNoTracking()
            .Where(s => s.MunicipalityId == application.MunicipalityId && s.Status != SpotStatus.Rejected && s.Status != SpotStatus.Retired)
            .Where(s => s.RdX >= minX && s.RdX <= maxX && s.RdY >= minY && s.RdY <= maxY)
            .Select(s => new { s.Id, s.Address, s.Status, s.RdX, s.RdY })
            .ToListAsync(ct);
        return spots.Select(s => new SpotCandidate(s.Id, s.Address, s.Status, Math.Round(application.Point.DistanceToRd(s.RdX, s.RdY))))
            .Where(s => s.DistanceMetres <= SpotRadiusMetres).OrderBy(s => s.DistanceMetres).ToList();
    }

    /// <summary>Public (and planned) charge locations near the application, nearest first.</summary>
    public async Task<IReadOnlyList<ChargePointCandidate>> NearbyChargePointsAsync(Application application, CancellationToken ct = default)
    {
        var (minX, maxX, minY, maxY) = Box(application, ChargePointRadiusMetres);
        var locations = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.IsPublic && l.RdX >= minX && l.RdX <= maxX && l.RdY >= minY && l.RdY <= maxY)
            .Select(l => new { l.Id, l.Address, l.Name, l.OperatorName, l.IsPlanned, l.Status, l.RdX, l.RdY, Evses = l.Evses.Count(e => e.Status != Domain.ChargePoints.EvseStatus.Removed) })
            .ToListAsync(ct);
        return locations
            .Select(l => new ChargePointCandidate(l.Id, string.IsNullOrWhiteSpace(l.Address) ? l.Name : l.Address, l.OperatorName, l.IsPlanned, l.Status, l.Evses,
                Math.Round(application.Point.DistanceToRd(l.RdX, l.RdY))))
            .Where(l => l.DistanceMetres <= ChargePointRadiusMetres).OrderBy(l => l.DistanceMetres).ToList();
    }

    /// <summary>The e-mail the resident will get when the application moves to <paramref name="to"/> with this text, as <see cref="ApplicationMailer"/> writes it.</summary>
    public async Task<string> PreviewMailAsync(Application application, ApplicationStatus to, string? text, CancellationToken ct = default) =>
        (await mailer.ComposeAsync(application, to, text, ct))?.TextBody ?? "";

    public static string AddressOf(Application application) =>
        application.HouseNumber is null
            ? application.Postcode
            : string.Create(CultureInfo.InvariantCulture, $"{application.Street} {application.HouseNumber}{application.HouseNumberAddition}, {application.City}").Trim();

    private async Task SaveAsync(Application application, ApplicationStatus before, CancellationToken ct)
    {
        if (application.Status != before)
            await mailer.EnqueueAsync(application, ct);
        await db.SaveChangesAsync(ct);
        maps.InvalidateApplications(application.MunicipalityId);
    }

    private static (double MinX, double MaxX, double MinY, double MaxY) Box(Application application, double radius) =>
        (application.RdX - radius, application.RdX + radius, application.RdY - radius, application.RdY + radius);

    private async Task<ApplicationActor> ActorAsync(ClaimsPrincipal officer)
    {
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new ApplicationActor(user.Id, user.DisplayName);
    }
}

/// <summary>How many of the chosen applications went to the officer, and how many were left as they were.</summary>
internal sealed record BulkAssignment(int Assigned, int Skipped, string? OfficerName);

internal sealed record SpotCandidate(Guid Id, string Address, SpotStatus Status, double DistanceMetres);

internal sealed record ChargePointCandidate(Guid Id, string Label, string Operator, bool IsPlanned, Domain.ChargePoints.LocationStatus Status, int Evses, double DistanceMetres);
