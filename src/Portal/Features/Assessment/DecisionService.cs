using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Spots;
using Portal.Features.Accounts;
using Portal.Features.Applications;
using Portal.Features.Map;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Assessment;

/// <summary>
/// An officer's work on one application: assign, assess again, extend the term, ask for
/// information and decide. Every call names the application by id and loads it through
/// <see cref="ApplicationAccess"/> for the signed-in officer, so only officers of its municipality
/// get anywhere (anyone else gets <see cref="ApplicationNotFoundException"/>, as for an id that does
/// not exist). Each status change is saved with who, when and why in the application's history,
/// and the resident's mail with the officer's text goes into the outbox of the same save.
/// </summary>
internal sealed class DecisionService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    ApplicationAccess access,
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

    public async Task AssignToMeAsync(ClaimsPrincipal officer, Guid applicationId, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
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

    public async Task ReassessAsync(ClaimsPrincipal officer, Guid applicationId, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var input = await inputs.ForAsync(application, policy, ct);
        application.RecordPreAssessment(PreAssessment.Run(input, policy.Eligibility), Now);
        await db.SaveChangesAsync(ct);
        maps.InvalidateApplications(application.MunicipalityId);
    }

    /// <summary>The last day the term would have after its one extension, made now; nothing is saved. Refused as the extension itself would be.</summary>
    public async Task<DateTime> ExtendedLastDayAsync(ClaimsPrincipal officer, Guid applicationId, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        if (!application.IsOpen)
            throw new DomainRuleViolated(DomainRule.ApplicationClosed, "This application is closed.");
        return application.Deadline(policy.Deadline)!.Extend(Now).LastDayUtc(Now);
    }

    /// <summary>Uses the term's one extension and tells the resident the new last day; returns that day.</summary>
    public async Task<DateTime> ExtendDeadlineAsync(ClaimsPrincipal officer, Guid applicationId, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var lastDay = application.ExtendDeadline(await ActorAsync(officer), policy.Deadline, Now);
        await mailer.EnqueueExtensionAsync(application, lastDay, ct);
        await db.SaveChangesAsync(ct);
        return lastDay;
    }

    /// <summary>What the decision form offers for this kind: nearby spots to approve onto, nearby charge points to refer to, the municipality's reasons to reject.</summary>
    public async Task<DecisionChoices> ChoicesAsync(ClaimsPrincipal officer, Guid applicationId, DecisionKind kind, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        return new DecisionChoices(
            application.Reference,
            AddressOf(application),
            kind == DecisionKind.Approve ? await NearbySpotsAsync(application, ct) : [],
            kind == DecisionKind.Refer ? await NearbyChargePointsAsync(application, ct) : [],
            kind == DecisionKind.Reject ? (await policies.GetAsync(application.MunicipalityId, ct)).RejectTemplates : []);
    }

    /// <summary>
    /// The e-mail the resident will get when this decision is taken, exactly as <see cref="ApplicationMailer"/>
    /// writes it (in the resident's language); null when the application has no applicant to mail.
    /// </summary>
    public async Task<MailPreview?> PreviewAsync(ClaimsPrincipal officer, Guid applicationId, Decision decision, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        return await mailer.ComposeAsync(application, decision.Kind.Outcome(), decision.Text, ct) is { } mail
            ? new MailPreview(mail.ToAddress, mail.Subject, mail.TextBody)
            : null;
    }

    /// <summary>Takes the decision: the status changes, the history records it with the text, and the resident's mail is queued.</summary>
    public async Task DecideAsync(ClaimsPrincipal officer, Guid applicationId, Decision decision, CancellationToken ct = default)
    {
        var application = await LoadAsync(officer, applicationId, ct);
        var actor = await ActorAsync(officer);
        var text = decision.Text.Trim();
        var before = application.Status;
        switch (decision.Kind)
        {
            case DecisionKind.Approve:
                await ApproveAsync(application, actor, decision.SpotId, text, ct);
                break;
            case DecisionKind.Refer:
                var chargeLocationId = decision.ChargeLocationId ?? Guid.Empty;
                if (!await db.ChargeLocations.AnyAsync(l => l.Id == chargeLocationId && l.IsPublic, ct))
                    throw new DomainRuleViolated(DomainRule.NotAPublicChargePoint, "That is not a public charge point.");
                application.ReferTo(actor, chargeLocationId, text, Now);
                break;
            case DecisionKind.Reject:
                application.Reject(actor, text, Now);
                break;
            case DecisionKind.Ask:
                application.AskForInformation(actor, text, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision.Kind, null);
        }
        await SaveAsync(application, before, ct);
    }

    /// <summary>Approves onto an existing open spot of the municipality, or (spotId null) onto a new spot at the application's point; a candidate spot becomes reserved.</summary>
    private async Task ApproveAsync(Application application, ApplicationActor actor, Guid? spotId, string text, CancellationToken ct)
    {
        var spotActor = new SpotActor(actor.UserId, actor.Name);
        Spot spot;
        if (spotId is { } id)
        {
            spot = await db.Spots.FirstOrDefaultAsync(s => s.Id == id && s.MunicipalityId == application.MunicipalityId
                && s.Status != SpotStatus.Rejected && s.Status != SpotStatus.Retired, ct)
                ?? throw new DomainRuleViolated(DomainRule.SpotNotOpen, "That spot is not an open spot of this municipality.");
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
        application.Approve(actor, spot.Id, text, Now);
        maps.InvalidateSpots(application.MunicipalityId);
    }

    /// <summary>Open spots of the municipality near the application, nearest first.</summary>
    private async Task<IReadOnlyList<SpotCandidate>> NearbySpotsAsync(Application application, CancellationToken ct)
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
    private async Task<IReadOnlyList<ChargePointCandidate>> NearbyChargePointsAsync(Application application, CancellationToken ct)
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

    public static string AddressOf(Application application) =>
        application.HouseNumber is null
            ? application.Postcode
            : string.Create(CultureInfo.InvariantCulture, $"{application.Street} {application.HouseNumber}{application.HouseNumberAddition}, {application.City}").Trim();

    private async Task<Application> LoadAsync(ClaimsPrincipal officer, Guid applicationId, CancellationToken ct) =>
        await access.ForOfficerAsync(officer, applicationId, ct) ?? throw new ApplicationNotFoundException(applicationId);

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

/// <summary>
/// One decision as the officer confirms it: the kind, the text for the resident (the decision, or the
/// question), and for an approval the spot (null: a new spot at the application's point), for a
/// referral the charge location.
/// </summary>
internal sealed record Decision(DecisionKind Kind, string Text, Guid? SpotId = null, Guid? ChargeLocationId = null);

/// <summary>What the decision form offers: see <see cref="DecisionService.ChoicesAsync"/>.</summary>
internal sealed record DecisionChoices(
    string Reference,
    string Address,
    IReadOnlyList<SpotCandidate> Spots,
    IReadOnlyList<ChargePointCandidate> ChargePoints,
    IReadOnlyList<RejectTemplate> Templates);

/// <summary>The mail as the resident will read it.</summary>
internal sealed record MailPreview(string To, string Subject, string Body);

/// <summary>The application is not one of the signed-in officer's (any more), or does not exist: the same answer for both.</summary>
internal sealed class ApplicationNotFoundException(Guid id) : Exception($"Application {id} is not among the signed-in officer's applications.");

internal sealed record SpotCandidate(Guid Id, string Address, SpotStatus Status, double DistanceMetres);

internal sealed record ChargePointCandidate(Guid Id, string Label, string Operator, bool IsPlanned, Domain.ChargePoints.LocationStatus Status, int Evses, double DistanceMetres);
