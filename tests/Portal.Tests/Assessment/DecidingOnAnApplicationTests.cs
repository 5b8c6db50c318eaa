using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Spots;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>
/// The officer's work on one application through <see cref="DecisionService"/>, as the application page and its
/// dialogs call it: on the real database, with the resident's mail taken from the outbox into the pickup folder.
/// </summary>
public sealed class DecidingOnAnApplicationTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AskingForInformation_PausesTheClock_AndMailsTheQuestion()
    {
        var (application, email) = await NewApplicationAsync("ask", 1);

        await DecideAsync(new Decision(DecisionKind.Ask, "Stuur uw leasecontract mee, graag."), application.Id);

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.WaitingForInformation, saved.Status);
        Assert.Equal("Stuur uw leasecontract mee, graag.", saved.OpenInformationRequest!.Question);
        var detail = (await DetailAsync(application.Id))!;
        Assert.True(detail.Deadline!.IsPaused);
        Assert.False(detail.CanDecide);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Wacht op uw informatie", mail, StringComparison.Ordinal);
        Assert.Contains("Stuur uw leasecontract mee, graag.", mail, StringComparison.Ordinal);
        Assert.Contains($"/aanvragen/{application.Id}", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingOntoANewSpot_CreatesAndLinksTheSpot_AndMailsTheOfficersText()
    {
        var (application, email) = await NewApplicationAsync("approve", 2);
        const string text = "De laadpaal komt voor nummer 2; planning volgt in het voorjaar.";

        await DecideAsync(new Decision(DecisionKind.Approve, text), application.Id);

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Approved, saved.Status);
        var spot = await ReadAsync(app, db => db.Spots.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == saved.SpotId));
        Assert.Equal($"Aanvraag {application.Reference}", spot.Notes);
        Assert.Equal(SpotStatus.Reserved, spot.Status);
        Assert.Contains(spot.History, h => h.Kind == SpotChangeKind.StatusChanged && h.From == "Candidate" && h.To == "Reserved" && h.Reason == $"Aanvraag {application.Reference} toegekend");
        Assert.Equal(application.Latitude, spot.Latitude, 6);
        Assert.Equal(new RelatedThing(spot.Id, spot.Address), (await DetailAsync(application.Id))!.Related.Spot);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Toegekend", mail, StringComparison.Ordinal);
        Assert.Contains(text, mail, StringComparison.Ordinal);
        var approval = saved.History.Single(h => h.To == ApplicationStatus.Approved);
        Assert.Equal("Olaf Ambtenaar", approval.ByName);
        Assert.Equal(text, approval.Reason);
    }

    [Fact]
    public async Task ReferringToACharger_OffersNearbyPublicChargePointsNearestFirst_AndRecordsTheChoice()
    {
        var (application, email) = await NewApplicationAsync("refer", 3);

        var choices = await ChoicesAsync(application.Id, DecisionKind.Refer);
        Assert.NotEmpty(choices.ChargePoints);
        Assert.Equal(choices.ChargePoints.Select(c => c.DistanceMetres).Order(), choices.ChargePoints.Select(c => c.DistanceMetres));
        Assert.All(choices.ChargePoints, c => Assert.InRange(c.DistanceMetres, 0, DecisionService.ChargePointRadiusMetres));
        Assert.Empty(choices.Spots);
        Assert.Empty(choices.Templates);
        var chosen = choices.ChargePoints[0].Id;

        await DecideAsync(new Decision(DecisionKind.Refer, "Laad bij de paal aan de Zijpendaalseweg.", ChargeLocationId: chosen), application.Id);

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.ReferredToExistingPoint, saved.Status);
        Assert.Equal(chosen, saved.ReferredChargeLocationId);
        Assert.Contains("Laad bij de paal aan de Zijpendaalseweg.", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferringToSomethingThatIsNoPublicChargePoint_IsRefused_AndChangesNothing()
    {
        var (application, email) = await NewApplicationAsync("refer-nothing", 9);

        var e = await Assert.ThrowsAsync<DomainRuleViolated>(() => DecideAsync(new Decision(DecisionKind.Refer, "Hier laden.", ChargeLocationId: Guid.NewGuid()), application.Id));

        Assert.Equal(DomainRule.NotAPublicChargePoint, e.Rule);
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(app, application.Id)).Status);
        Assert.Empty((await app.DeliverMailAsync()).MessagesTo(email));
    }

    [Fact]
    public async Task Rejecting_OffersTheMunicipalitysReasons_AndSendsTheEditedText()
    {
        var (application, email) = await NewApplicationAsync("reject", 4);

        var choices = await ChoicesAsync(application.Id, DecisionKind.Reject);
        // The demo policy of Arnhem has five reject reasons.
        Assert.Equal(5, choices.Templates.Count);
        Assert.StartsWith("U heeft een eigen oprit, garage of parkeerplaats.", choices.Templates[1].Text, StringComparison.Ordinal);
        var edited = choices.Templates[1].Text + " Uw oprit aan de achterzijde is op de luchtfoto te zien.";

        await DecideAsync(new Decision(DecisionKind.Reject, edited), application.Id);

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Rejected, saved.Status);
        Assert.Equal(edited, saved.DecisionText);
        Assert.Contains("Uw oprit aan de achterzijde is op de luchtfoto te zien.", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_IsTheMailTheDecisionSends_AndChangesNothing()
    {
        var (application, email) = await NewApplicationAsync("preview", 5);
        var decision = new Decision(DecisionKind.Reject, "Eerste versie.");

        var preview = (await PreviewAsync(application.Id, decision))!;

        Assert.Equal(email, preview.To);
        Assert.Equal($"Uw aanvraag {application.Reference}: Afgewezen", preview.Subject);
        Assert.Contains("Eerste versie.", preview.Body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/aanvragen/{application.Id}", preview.Body, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(app, application.Id)).Status);
        Assert.Empty((await app.DeliverMailAsync()).MessagesTo(email));

        await DecideAsync(decision, application.Id);

        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains(preview.Subject, mail, StringComparison.Ordinal);
        Assert.Contains("Eerste versie.", mail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpotStatus.Candidate, SpotStatus.Reserved)]
    [InlineData(SpotStatus.Approved, SpotStatus.Approved)]
    public async Task ApprovingOntoAnExistingSpot_ReservesACandidate_AndLeavesASpotFurtherAlong(SpotStatus status, SpotStatus expected)
    {
        var (application, _) = await NewApplicationAsync($"existing-{status}", status == SpotStatus.Candidate ? 7 : 8);
        var spotId = await SpotAsync(application, $"Bestaande plek {status}", status);
        var offered = (await ChoicesAsync(application.Id, DecisionKind.Approve)).Spots;
        Assert.Contains(offered, s => s.Id == spotId && s.Status == status && s.DistanceMetres == 0);

        await DecideAsync(new Decision(DecisionKind.Approve, "Uw laadpaal komt op de bestaande plek.", SpotId: spotId), application.Id);

        Assert.Equal(spotId, (await LoadAsync(app, application.Id)).SpotId);
        Assert.Equal(expected, (await ReadAsync(app, db => db.Spots.AsNoTracking().SingleAsync(s => s.Id == spotId))).Status);
    }

    [Fact]
    public async Task ApprovingOntoASpotThatIsNoLongerOpen_IsRefused_AndChangesNothing()
    {
        var (application, email) = await NewApplicationAsync("retired-spot", 10);
        var spotId = await SpotAsync(application, "Vervallen plek", SpotStatus.Retired);
        Assert.DoesNotContain((await ChoicesAsync(application.Id, DecisionKind.Approve)).Spots, s => s.Id == spotId);

        var e = await Assert.ThrowsAsync<DomainRuleViolated>(() => DecideAsync(new Decision(DecisionKind.Approve, "Op de oude plek.", SpotId: spotId), application.Id));

        Assert.Equal(DomainRule.SpotNotOpen, e.Rule);
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Null(saved.SpotId);
        Assert.Empty((await app.DeliverMailAsync()).MessagesTo(email));
    }

    [Fact]
    public async Task AClosedApplication_CannotBeDecidedAgain()
    {
        var (application, _) = await NewApplicationAsync("twice", 11);
        await DecideAsync(new Decision(DecisionKind.Reject, "Eigen oprit."), application.Id);

        var e = await Assert.ThrowsAsync<DomainRuleViolated>(() => DecideAsync(new Decision(DecisionKind.Approve, "Toch toekennen."), application.Id));

        Assert.Equal(DomainRule.StatusChangeNotAllowed, e.Rule);
        Assert.Equal([ApplicationStatus.Rejected, ApplicationStatus.Approved], e.Arguments);
        Assert.Equal(ApplicationStatus.Rejected, (await LoadAsync(app, application.Id)).Status);
    }

    [Fact]
    public async Task TheDeadline_CanBeExtendedOnce_AndTheResidentIsToldTheNewLastDay()
    {
        var (application, email) = await NewApplicationAsync("extend", 6);
        // Submitted one day ago: 8 + 8 weeks after the day of submission.
        var lastDay = DutchCalendar.DayOf(application.SubmittedAtUtc!.Value).AddDays(112);
        Assert.True((await DetailAsync(application.Id))!.CanExtend);

        var shown = await CallAsync(d => d.ExtendedLastDayAsync(Officer, application.Id));
        Assert.Empty(await ReadAsync(app, db => db.Applications.AsNoTracking().Where(a => a.Id == application.Id && a.DeadlineExtendedAtUtc != null).ToListAsync()));
        var extended = await CallAsync(d => d.ExtendDeadlineAsync(Officer, application.Id));

        Assert.Equal(lastDay, shown);
        Assert.Equal(lastDay, extended);
        var detail = (await DetailAsync(application.Id))!;
        Assert.True(detail.Deadline!.IsExtended);
        Assert.False(detail.CanExtend);
        var again = await Assert.ThrowsAsync<DomainRuleViolated>(() => CallAsync(d => d.ExtendDeadlineAsync(Officer, application.Id)));
        Assert.Equal(DomainRule.DeadlineAlreadyExtended, again.Rule);
        await Assert.ThrowsAsync<DomainRuleViolated>(() => CallAsync(d => d.ExtendedLastDayAsync(Officer, application.Id)));
        var saved = await LoadAsync(app, application.Id);
        Assert.Single(saved.History, h => h.Kind == ApplicationChangeKind.DeadlineExtended);
        Assert.Equal(lastDay, saved.Deadline(DecisionDeadlineSettings.Default)!.LastDayUtc(DateTime.UtcNow));
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("beslistermijn verlengd", mail, StringComparison.Ordinal);
        Assert.Contains($"uiterlijk op {lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}", mail, StringComparison.Ordinal);
        Assert.Contains($"/aanvragen/{application.Id}", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignToMe_PutsItInAssessment_AndTellsTheResident()
    {
        var (application, email) = await NewApplicationAsync("assign", 12);

        await CallAsync(async d => { await d.AssignToMeAsync(Officer, application.Id); return true; });

        var detail = (await DetailAsync(application.Id))!;
        Assert.Equal(ApplicationStatus.InAssessment, detail.Application.Status);
        Assert.Equal("Olaf Ambtenaar", detail.Application.AssignedOfficerName);
        Assert.True(detail.AssignedToMe);
        Assert.Contains("In behandeling", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
        Assert.Contains(application.Reference, await OfficerQueueTests.QueueAsync(app, DemoAccounts.Officer, new QueueFilter(District: "Besluitwijk", Assigned: QueueFilter.AssignedToMe)));
    }

    [Fact]
    public async Task AssessingAgain_FindsTheApplicationsSubmittedNearbySince_AndTheDetailLinksThem()
    {
        Officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var resident = await ResidentAsync(app, "group.decision@test.example");
        var arnhem = await ArnhemAsync(app);
        // 0.0005 degree of longitude is about 34 m here: the two form a group.
        var first = await SubmitAsync(app, resident, arnhem, "Groepwijk", Now.AddDays(-3), ParkLatitude + 0.003, ParkLongitude, houseNumber: 70);
        var second = await SubmitAsync(app, resident, arnhem, "Groepwijk", Now.AddDays(-2), ParkLatitude + 0.003, ParkLongitude + 0.0005, houseNumber: 72);
        Assert.Equal(PreAssessmentAdvice.LikelyApprove, (await DetailAsync(first.Id))!.Application.Advice);

        await CallAsync(async d => { await d.ReassessAsync(Officer, first.Id); return true; });

        var detail = (await DetailAsync(first.Id))!;
        Assert.Equal(PreAssessmentAdvice.NeedsOfficerReview, detail.Application.Advice);
        var group = detail.Application.Findings.Single(f => f.Code == PreAssessmentFindingCode.OpenApplicationsNearby);
        Assert.Equal([second.Id], group.RelatedApplicationIds);
        Assert.Equal(34, group.DistanceMetres!.Value, 0);
        Assert.Equal(second.Reference, detail.Related.References[second.Id]);
    }

    [Fact]
    public async Task AnOfficerOfAnotherMunicipality_FindsNothing_AndChangesNothing()
    {
        var (application, email) = await NewApplicationAsync("foreign", 13);
        var utrecht = await MunicipalityAsync(app, "GM0344", "Utrecht");
        await UserAsync(app, "ute.besluit@utrecht.example", "Ute Utrecht", PortalRoles.Officer, utrecht);
        var other = await PrincipalAsync(app, "ute.besluit@utrecht.example");

        Assert.Null(await ReadServiceAsync<QueueQueries, OfficerApplicationDetail?>(q => q.DetailAsync(other, application.Id)));
        await Assert.ThrowsAsync<ApplicationNotFoundException>(() => CallAsync(d => d.ChoicesAsync(other, application.Id, DecisionKind.Reject)));
        await Assert.ThrowsAsync<ApplicationNotFoundException>(() => CallAsync(d => d.PreviewAsync(other, application.Id, new Decision(DecisionKind.Reject, "Nee."))));
        await Assert.ThrowsAsync<ApplicationNotFoundException>(() => CallAsync(async d => { await d.DecideAsync(other, application.Id, new Decision(DecisionKind.Reject, "Nee.")); return true; }));
        await Assert.ThrowsAsync<ApplicationNotFoundException>(() => CallAsync(async d => { await d.AssignToMeAsync(other, application.Id); return true; }));
        await Assert.ThrowsAsync<ApplicationNotFoundException>(() => CallAsync(d => d.ExtendDeadlineAsync(other, application.Id)));

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Null(saved.AssignedOfficerId);
        Assert.Null(saved.DeadlineExtendedAtUtc);
        Assert.Empty((await app.DeliverMailAsync()).MessagesTo(email));
    }

    [Theory]
    [InlineData("goedkeuren", DecisionKind.Approve, ApplicationStatus.Approved)]
    [InlineData("verwijzen", DecisionKind.Refer, ApplicationStatus.ReferredToExistingPoint)]
    [InlineData("afwijzen", DecisionKind.Reject, ApplicationStatus.Rejected)]
    [InlineData("INFORMATIE", DecisionKind.Ask, ApplicationStatus.WaitingForInformation)]
    public void TheDecisionKinds_KeepTheOldAddressesWords_AndLeadToTheirStatus(string slug, DecisionKind kind, ApplicationStatus outcome)
    {
        Assert.Equal(kind, DecisionKinds.FromSlug(slug));
        Assert.Equal(slug.ToLowerInvariant(), kind.Slug());
        Assert.Equal(outcome, kind.Outcome());
    }

    [Theory]
    [InlineData("besluiten")]
    [InlineData("")]
    [InlineData(null)]
    public void AnyOtherWord_IsNoDecision(string? slug) => Assert.Null(DecisionKinds.FromSlug(slug));

    private ClaimsPrincipal Officer { get; set; } = new();

    private async Task<(Application Application, string Email)> NewApplicationAsync(string name, int houseNumber)
    {
        Officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var email = $"{name}.decision@test.example";
        var resident = await ResidentAsync(app, email, $"Resident {name}");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Besluitwijk", Now.AddDays(-1), houseNumber: 100 + houseNumber);
        return (application, email);
    }

    private Task<Guid> SpotAsync(Application application, string address, SpotStatus status) => ReadAsync(app, async db =>
    {
        var actor = new SpotActor("test", "Test");
        var spot = Spot.Create(application.MunicipalityId, application.Point, new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), actor, Now);
        if (status != SpotStatus.Candidate)
            spot.ChangeStatus(status, actor, Now, "Voor de test.");
        db.Spots.Add(spot);
        await db.SaveChangesAsync();
        return spot.Id;
    });

    private Task<bool> DecideAsync(Decision decision, Guid id) => CallAsync(async d => { await d.DecideAsync(Officer, id, decision); return true; });

    private Task<DecisionChoices> ChoicesAsync(Guid id, DecisionKind kind) => CallAsync(d => d.ChoicesAsync(Officer, id, kind));

    private Task<MailPreview?> PreviewAsync(Guid id, Decision decision) => CallAsync(d => d.PreviewAsync(Officer, id, decision));

    private async Task<OfficerApplicationDetail?> DetailAsync(Guid id) =>
        await ReadServiceAsync<QueueQueries, OfficerApplicationDetail?>(async q => await q.DetailAsync(await PrincipalAsync(app, DemoAccounts.Officer), id));

    /// <summary>One call in a scope of its own, as <c>ServiceCalls</c> makes it on a circuit.</summary>
    private Task<T> CallAsync<T>(Func<DecisionService, Task<T>> call) => ReadServiceAsync(call);

    private async Task<T> ReadServiceAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = app.App.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
