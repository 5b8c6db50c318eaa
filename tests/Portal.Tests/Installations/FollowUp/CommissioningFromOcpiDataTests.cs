using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Features.Installations;
using Portal.Features.Installations.Commissioning;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.FollowUp.FollowUpTestData;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>
/// Commissioning over the real app: a CPO pushes a location over OCPI near a spot, the portal proposes it, and
/// confirming it realises the spot, sets the go-live day in the contract and mails the applicant, in one save.
/// </summary>
public sealed class CommissioningFromOcpiDataTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const double SpotLongitude = 5.90;

    private Task<Guid> LaadnetAsync() => OperatorAsync(app, "Laadnet Ingebruikname", "NL*LDC", CommissioningCpo);

    private Task<Guid> AnderLaadnetAsync() => OperatorAsync(app, "Ander Laadnet", "NL*ALN", OtherCpo);

    [Fact]
    public async Task ANearbyLocationOfTheCpo_IsProposed_AndConfirmingIt_RealisesTheSpot_SetsGoLive_AndMailsTheApplicant()
    {
        var cpo = await LaadnetAsync();
        await AnderLaadnetAsync();
        const double offset = 0.0201;
        var spot = await ReadySpotAsync(app, "Ingebruiknameweg 1", offset);
        var application = await ApprovedApplicationAsync(app, "aanvrager.ingebruikname@example.nl", spot, 11);
        var contract = await ConcessionAsync(app, cpo, "CONC-INGEBRUIKNAME-1");
        var id = await AcceptedCaseAsync(app, spot, cpo, CommissioningCpo, contract);
        var latitude = 51.99 + offset;
        // 20 m north: proposed. The other operator's location 10 m away, and this CPO's 40 m away, are not.
        await PushLocationAsync(app, "NL", "LDC", "ING-20", "Ingebruiknameweg 2", latitude + North(20), SpotLongitude);
        await PushLocationAsync(app, "NL", "ALN", "ALN-10", "Ingebruiknameweg 3", latitude + North(10), SpotLongitude);
        await PushLocationAsync(app, "NL", "LDC", "ING-40", "Ingebruiknameweg 4", latitude + North(40), SpotLongitude);

        var view = (await app.AsAsync<CommissioningService, CommissioningView?>(DemoAccounts.Officer, (s, u) => s.ViewAsync(u, id)))!;

        var proposal = Assert.Single(view.Proposals);
        Assert.Equal(("ING-20", "Ingebruiknameweg 2"), (proposal.LocationId, proposal.Address));
        Assert.InRange(proposal.DistanceMetres, 19, 21);
        // The second EVSE is out of order: only the first is ready to charge.
        Assert.Equal(["ING-20-1"], proposal.ReadyEvseUids);

        var today = app.Today();
        var confirmed = await app.AsAsync<CommissioningService, InstallationStepResult>(CommissioningCpo, (s, u) => s.ConfirmAsync(u, id, proposal.LocationSourceId, today));

        Assert.Null(confirmed.Problem);
        var installation = (await app.AsAsync<InstallationService, InstallationCase?>(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(today, installation[InstallationStep.Commissioned].DoneOn);
        Assert.Equal(proposal.LocationSourceId, installation.CommissionedLocationSourceId);
        Assert.Equal(["ING-20-1"], installation.CommissionedEvseUids);
        Assert.Equal(SpotStatus.Realised, await ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync()));
        var records = await ReadAsync(app, db => db.Contracts.Where(c => c.Id == contract).SelectMany(c => c.EvseRecords).ToListAsync());
        var record = Assert.Single(records);
        Assert.Equal(("ING-20", "ING-20-1", (DateOnly?)today), (record.LocationId, record.EvseUid, record.GoLiveOn));
        var mail = Assert.Single(await ReadAsync(app, db => db.OutboxMails.Where(m => m.ToAddress == "aanvrager.ingebruikname@example.nl" && m.Subject.StartsWith("Uw laadpaal is in gebruik")).ToListAsync()));
        Assert.Contains("De laadpaal bij Ingebruiknameweg 1 is sinds", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/aanvragen/{application.Id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocationThatIsNotProposed_IsRefused_AndNothingChanges()
    {
        var cpo = await LaadnetAsync();
        const double offset = 0.0221;
        var spot = await ReadySpotAsync(app, "Ingebruiknameweg 21", offset);
        var id = await AcceptedCaseAsync(app, spot, cpo, CommissioningCpo);
        await PushLocationAsync(app, "NL", "LDC", "ING-41", "Ingebruiknameweg 22", 51.99 + offset + North(40), SpotLongitude);
        var far = await ReadAsync(app, db => db.ChargeLocations.Where(l => l.OcpiLocationId == "ING-41").Select(l => l.SourceId).SingleAsync());

        var view = (await app.AsAsync<CommissioningService, CommissioningView?>(CommissioningCpo, (s, u) => s.ViewAsync(u, id)))!;
        var refused = await app.AsAsync<CommissioningService, InstallationStepResult>(CommissioningCpo, (s, u) => s.ConfirmAsync(u, id, far, app.Today()));

        Assert.Empty(view.Proposals);
        Assert.StartsWith("Deze locatie wordt niet (meer) voorgesteld", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(SpotStatus.ReadyForInstallation, await ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherCpoAndAnAdministrator_CannotConfirm_TheOtherCpoSeesNothing()
    {
        var cpo = await LaadnetAsync();
        await AnderLaadnetAsync();
        const double offset = 0.0241;
        var spot = await ReadySpotAsync(app, "Ingebruiknameweg 31", offset);
        var id = await AcceptedCaseAsync(app, spot, cpo, CommissioningCpo);
        await PushLocationAsync(app, "NL", "LDC", "ING-31", "Ingebruiknameweg 32", 51.99 + offset + North(5), SpotLongitude);
        var source = await ReadAsync(app, db => db.ChargeLocations.Where(l => l.OcpiLocationId == "ING-31").Select(l => l.SourceId).SingleAsync());

        Assert.Null(await app.AsAsync<CommissioningService, CommissioningView?>(OtherCpo, (s, u) => s.ViewAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync<CommissioningService, InstallationStepResult>(OtherCpo, (s, u) => s.ConfirmAsync(u, id, source, app.Today())));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync<CommissioningService, InstallationStepResult>(DemoAccounts.Admin, (s, u) => s.ConfirmAsync(u, id, source, app.Today())));
        var asAdmin = (await app.AsAsync<CommissioningService, CommissioningView?>(DemoAccounts.Admin, (s, u) => s.ViewAsync(u, id)))!;
        Assert.False(asAdmin.CanConfirm);
        Assert.Single(asAdmin.Proposals);
    }

    [Fact]
    public async Task AGoLiveDayInTheFuture_IsRefusedInDutch()
    {
        var cpo = await LaadnetAsync();
        const double offset = 0.0261;
        var spot = await ReadySpotAsync(app, "Ingebruiknameweg 41", offset);
        var id = await AcceptedCaseAsync(app, spot, cpo, CommissioningCpo);
        await PushLocationAsync(app, "NL", "LDC", "ING-51", "Ingebruiknameweg 42", 51.99 + offset + North(3), SpotLongitude);
        var source = await ReadAsync(app, db => db.ChargeLocations.Where(l => l.OcpiLocationId == "ING-51").Select(l => l.SourceId).SingleAsync());

        var refused = await app.AsAsync<CommissioningService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.ConfirmAsync(u, id, source, app.Today().AddDays(1)));

        Assert.StartsWith("Meld een stap als die gedaan is, op of voor vandaag", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(SpotStatus.ReadyForInstallation, await ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync()));
    }
}
