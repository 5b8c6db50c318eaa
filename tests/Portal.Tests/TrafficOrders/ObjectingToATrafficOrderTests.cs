using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Objections;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>
/// Objections over HTTP without script, on the real app and database: the public order page and its form, the
/// acknowledgement, the officer's handling (tenant-checked) with the decision letter, the order becoming final,
/// and the mails and page of the resident whose application led to a spot in the order.
/// </summary>
public sealed class ObjectingToATrafficOrderTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");
    private static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);
    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Dutch);

    private async Task<T> CallAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<T> Orders<T>(Func<TrafficOrderService, Task<T>> call) => CallAsync(call);

    private Task<T> Objections<T>(Func<ObjectionService, Task<T>> call) => CallAsync(call);

    private async Task<Guid> SpotAsync(Guid municipalityId, string address, double offset) =>
        await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var spot = Spot.Create(municipalityId, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + offset, OfficerTestData.ParkLongitude),
                new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), actor, DateTime.UtcNow);
            spot.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst");
            db.Spots.Add(spot);
            await db.SaveChangesAsync();
            return spot.Id;
        });

    /// <summary>A resident (who can log in) whose application was approved onto the spot.</summary>
    private async Task<Application> ApprovedApplicationAsync(Guid arnhem, Guid spot, string email, string name)
    {
        var resident = await OfficerTestData.ResidentAsync(app, email, name);
        return await OfficerTestData.SubmitAsync(app, resident, arnhem, "Centrum", DateTime.UtcNow.AddDays(-30),
            prepare: a => a.Approve(new ApplicationActor("officer", "Olga Officier"), spot, "Goedgekeurd.", DateTime.UtcNow.AddDays(-29)));
    }

    private async Task<(ClaimsPrincipal Officer, Guid Arnhem)> OfficerAsync() =>
        (await app.PrincipalOfAsync(DemoAccounts.Officer), await OfficerTestData.ArnhemAsync(app));

    /// <summary>A direct-route order of the spots, taken and published on <paramref name="publishedOn"/>; returns its id and reference.</summary>
    private async Task<(Guid Id, string Reference)> PublishedAsync(ClaimsPrincipal officer, Guid arnhem, string title, DateOnly publishedOn, params Guid[] spots)
    {
        var draft = await Orders(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, title, TrafficOrderRoute.Direct, spots, SignBoard.E4)));
        Assert.True(draft.Succeeded, draft.Error);
        var id = draft.OrderId!.Value;
        Assert.Null((await Orders(s => s.RecordPoliceConsultationAsync(officer, id, publishedOn.AddDays(-10), "Geen bezwaar."))).Error);
        Assert.Null((await Orders(s => s.DecideAsync(officer, id, publishedOn.AddDays(-1)))).Error);
        Assert.Null((await Orders(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, publishedOn, "gmb-2026-" + Math.Abs(title.GetHashCode(StringComparison.Ordinal))))).Error);
        return (id, (await Orders(s => s.FindAsync(officer, id)))!.Reference);
    }

    private Task<SpotStatus> SpotStatusAsync(Guid spot) =>
        OfficerTestData.ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync());

    private static Dictionary<string, string> Fields(string name = "Bert Bezwaar", string address = "Parkweg 9, 6814 AB Arnhem", string email = "bert@bezwaar.test",
        string grounds = "De parkeerdruk in de straat is al hoog; een gereserveerd vak maakt dat erger.") =>
        new() { ["Form.Name"] = name, ["Form.Address"] = address, ["Form.Email"] = email, ["Form.Grounds"] = grounds };

    private static string FormPath(string reference) => $"/verkeersbesluiten/{reference}/bezwaar?gemeente=GM0202";

    private Task<int> ObjectionCountAsync(Guid orderId) =>
        OfficerTestData.ReadAsync(app, db => db.TrafficOrderObjections.CountAsync(o => o.TrafficOrderId == orderId));

    [Fact]
    public async Task APersonObjectsWithoutScript_InTime_AndGetsAReferenceAndAnAcknowledgementWithTheDates()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Sonsbeekweg 12a", 0.0101);
        await ApprovedApplicationAsync(arnhem, spot, "anna@aanvraag.test", "Anna Aanvrager");
        var publishedOn = Today.AddDays(-3);
        var (orderId, reference) = await PublishedAsync(officer, arnhem, "Laadplek Sonsbeekweg", publishedOn, spot);
        var lastDay = AwbTerms.Objection(publishedOn, TermsCalendar.Default).LastDay;
        var client = app.CreateClient();

        var (pageResponse, page) = await client.GetPageAsync($"/verkeersbesluiten/{reference}?gemeente=GM0202");

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal(Day(lastDay), page.QuerySelector("[data-testid=term-last-day]")!.TextContent);
        Assert.Contains("Sonsbeekweg", page.QuerySelector("[data-testid=locations]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", page.Body!.TextContent, StringComparison.Ordinal);   // nobody's personal data
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal(FormPath(reference), page.QuerySelector("[data-testid=respond]")!.GetAttribute("href"));
        var (_, bare) = await client.GetPageAsync($"/verkeersbesluiten/{reference}");
        Assert.Equal(reference, bare.QuerySelector("[data-testid=reference]")!.TextContent);   // one municipality has it: the bare reference answers

        var response = await ApplyFlow.PostMultipartAsync(client, FormPath(reference), "objection", Fields(), ("bijlagen", "foto.pdf", ApplyFlow.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, receipt) = await client.FollowAsync(response);
        var objectionReference = receipt.QuerySelector("[data-testid=objection-reference]")!.TextContent;
        Assert.Matches($"^BZ-{Today.Year}-\\d{{4}}$", objectionReference);
        Assert.Null(receipt.QuerySelector("[data-testid=late]"));
        var decisionDue = TermsCalendar.Default.LastDay(lastDay.AddDays(42));
        Assert.Equal(Day(decisionDue), receipt.QuerySelector("[data-testid=decision-due]")!.TextContent);

        var stored = await OfficerTestData.ReadAsync(app, db => db.TrafficOrderObjections.AsNoTracking().SingleAsync(o => o.Reference == objectionReference && o.TrafficOrderId == orderId));
        Assert.False(stored.IsLate);
        Assert.Equal(("Bert Bezwaar", "bert@bezwaar.test"), (stored.Name, stored.Email));
        var files = await OfficerTestData.ReadAsync(app, db => db.Set<ObjectionDocument>().Where(d => d.ObjectionId == stored.Id).ToListAsync());
        Assert.Equal(("foto.pdf", "application/pdf", ObjectionDocumentKind.Attachment), (Assert.Single(files).FileName, files[0].ContentType, files[0].Kind));

        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo("bert@bezwaar.test"));
        Assert.Contains(objectionReference, mail, StringComparison.Ordinal);
        Assert.Contains(Day(lastDay), mail, StringComparison.Ordinal);
        Assert.Contains(Day(decisionDue), mail, StringComparison.Ordinal);
        Assert.DoesNotContain("na de laatste dag", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", mail, StringComparison.Ordinal);
        Assert.Equal(TrafficOrderStatus.ObjectionsReceived, (await Orders(s => s.FindAsync(officer, orderId)))!.Status);
    }

    [Fact]
    public async Task AnObjectionAfterTheLastDay_IsTakenIn_AndMarkedLate()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Rosendaalseweg 4", 0.0111);
        var publishedOn = Today.AddDays(-60);
        var (orderId, reference) = await PublishedAsync(officer, arnhem, "Laadplek Rosendaalseweg", publishedOn, spot);
        var client = app.CreateClient();

        var (_, form) = await client.GetPageAsync(FormPath(reference));
        Assert.NotNull(form.QuerySelector("[data-testid=late-notice]"));
        var response = await ApplyFlow.PostMultipartAsync(client, FormPath(reference), "objection", Fields(email: "laat@bezwaar.test"));

        var (_, receipt) = await client.FollowAsync(response);
        Assert.NotNull(receipt.QuerySelector("[data-testid=late]"));
        var stored = await OfficerTestData.ReadAsync(app, db => db.TrafficOrderObjections.AsNoTracking().SingleAsync(o => o.TrafficOrderId == orderId));
        Assert.True(stored.IsLate);
        Assert.Equal(Today, stored.ReceivedOn);
        Assert.Contains($"uw bericht kwam na de laatste dag ({Day(AwbTerms.Objection(publishedOn, TermsCalendar.Default).LastDay)})",
            Assert.Single((await app.DeliverMailAsync()).MessagesTo("laat@bezwaar.test")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithClearMessages_AndKeepsWhatWasTyped()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Utrechtseweg 20", 0.0121);
        var (orderId, reference) = await PublishedAsync(officer, arnhem, "Laadplek Utrechtseweg", Today.AddDays(-2), spot);
        var client = app.CreateClient();

        var response = await ApplyFlow.PostMultipartAsync(client, FormPath(reference), "objection", Fields(email: "geen-adres", grounds: ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, page) = await client.FollowAsync(response);
        Assert.Equal("Bert Bezwaar", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#name")!.Value);
        Assert.Equal("Parkweg 9, 6814 AB Arnhem", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#address")!.Value);
        Assert.Equal("geen-adres", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email")!.Value);
        Assert.Contains("Schrijf op waarom u bezwaar maakt", page.QuerySelector("#grounds-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=problem]"));

        var invalidEmail = await ApplyFlow.PostMultipartAsync(client, FormPath(reference), "objection", Fields(email: "geen-adres"));
        var (_, again) = await client.FollowAsync(invalidEmail);
        Assert.Equal("Vul een e-mailadres in zoals naam@voorbeeld.nl.", again.QuerySelector("#email-error")!.TextContent.Trim());
        Assert.Equal(0, await ObjectionCountAsync(orderId));
    }

    [Theory]
    [InlineData("programma.exe", "MZ\u0090\u0000 niet toegestaan", "Dit bestand is geen PDF")]
    [InlineData("groot.pdf", null, "10 MB")]
    public async Task AFileOfTheWrongTypeOrTooLarge_IsRefused_AndNothingIsKept(string name, string? content, string expected)
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, $"Bestandsweg {name.Length}", 0.0131 + (name.Length / 10000.0));
        var (orderId, reference) = await PublishedAsync(officer, arnhem, $"Bestanden {name}", Today.AddDays(-2), spot);
        var bytes = content is null ? [.. ApplyFlow.Pdf, .. new byte[ObjectionDocument.MaxSizeBytes]] : System.Text.Encoding.Latin1.GetBytes(content);
        var documents = Path.Combine(app.DataFolder, "documents");
        var before = Directory.Exists(documents) ? Directory.GetFiles(documents).Length : 0;
        var client = app.CreateClient();

        var response = await ApplyFlow.PostMultipartAsync(client, FormPath(reference), "objection", Fields(), ("bijlagen", name, bytes));

        var (_, page) = await client.FollowAsync(response);
        Assert.Contains(expected, page.QuerySelector("[data-testid=file-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bert Bezwaar", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#name")!.Value);
        Assert.Equal(0, await ObjectionCountAsync(orderId));
        Assert.Equal(before, Directory.Exists(documents) ? Directory.GetFiles(documents).Length : 0);
    }

    [Fact]
    public async Task AnotherMunicipalitysOfficer_CannotSeeOrHandleTheObjection()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Velperplein 3", 0.0141);
        var (orderId, _) = await PublishedAsync(officer, arnhem, "Laadplek Velperplein", Today.AddDays(-2), spot);
        var receipt = await Objections(s => s.ReceiveAsync(orderId, ObjectionKind.Objection, new ObjectionForm { Name = "C", Address = "A 1", Email = "c@bezwaar.test", Grounds = "Nee." },
            [new ObjectionUpload("bijlage.pdf", () => new MemoryStream(ApplyFlow.Pdf))]));
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");
        await OfficerTestData.UserAsync(app, "ute@objections.test", "Ute Utrecht", PortalRoles.Officer, utrecht);
        var other = await app.PrincipalOfAsync("ute@objections.test");

        Assert.Null(await Objections(s => s.FindAsync(other, receipt.ObjectionId)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Objections(s => s.JudgeAdmissibilityAsync(other, receipt.ObjectionId, true, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Objections(s => s.DecideAsync(other, receipt.ObjectionId, ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, "Nee.")));
        Assert.Empty(await CallAsync<ObjectionQueries, IReadOnlyList<ObjectionRow>>(q => q.ForOrderAsync(other, orderId)));
        Assert.DoesNotContain((await CallAsync<ObjectionQueries, Portal.Components.BackOffice.GridPage<ObjectionQueueRow>>(q => q.QueueAsync(other, 0, 100))).Items, r => r.ObjectionId == receipt.ObjectionId);
        Assert.Contains((await CallAsync<ObjectionQueries, Portal.Components.BackOffice.GridPage<ObjectionQueueRow>>(q => q.QueueAsync(officer, 0, 100))).Items, r => r.ObjectionId == receipt.ObjectionId);

        var documentId = await OfficerTestData.ReadAsync(app, db => db.Set<ObjectionDocument>().Where(d => d.ObjectionId == receipt.ObjectionId).Select(d => d.Id).SingleAsync());
        var path = $"/beheer/bezwaren/{receipt.ObjectionId}/documenten/{documentId}";
        var stranger = await app.LogInAsAsync("ute@objections.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(path)).StatusCode);
        var own = await app.LogInAsAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync($"/beheer/bezwaren/{receipt.ObjectionId}/documenten/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync($"/beheer/bezwaren/{Guid.NewGuid()}/documenten/{documentId}")).StatusCode);
        var download = await own.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ApplyFlow.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient().Http.GetAsync(path)).StatusCode);   // signed out: to the log-in page
    }

    [Fact]
    public async Task DecidingTheLastObjection_MailsTheLetter_MakesTheOrderFinal_AndTellsTheApplicant()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Jansbuitensingel 8", 0.0151);
        await ApprovedApplicationAsync(arnhem, spot, "fien@aanvraag.test", "Fien Finaal");
        var (orderId, reference) = await PublishedAsync(officer, arnhem, "Laadplek Jansbuitensingel", Today.AddDays(-60), spot);
        var receipt = await Objections(s => s.ReceiveAsync(orderId, ObjectionKind.Objection,
            new ObjectionForm { Name = "Dirk Doorzetter", Address = "Singel 1", Email = "dirk@bezwaar.test", Grounds = "Het vak staat voor mijn raam." }, []));
        Assert.Equal(0, await Orders(s => s.MakeFinalWhereDueAsync()));   // an open objection holds the order

        Assert.Null(await Objections(s => s.JudgeAdmissibilityAsync(officer, receipt.ObjectionId, true, "Belanghebbende.")));
        Assert.Null(await Objections(s => s.PlanHearingAsync(officer, receipt.ObjectionId, Today)));
        Assert.Null(await Objections(s => s.AttachHearingMinutesAsync(officer, receipt.ObjectionId, "verslag.pdf", new MemoryStream(ApplyFlow.Pdf))));
        var preview = await Objections(s => s.PreviewDecisionLetterAsync(officer, receipt.ObjectionId, ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, "Het vak ligt op de kortste afstand tot de aanvrager."));
        Assert.Contains("ongegrond", preview!.Body, StringComparison.Ordinal);
        Assert.Equal(TrafficOrderStatus.ObjectionsReceived, (await Orders(s => s.FindAsync(officer, orderId)))!.Status);   // a preview decides nothing

        Assert.Null(await Objections(s => s.DecideAsync(officer, receipt.ObjectionId, ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, "Het vak ligt op de kortste afstand.")));

        var order = (await Orders(s => s.FindAsync(officer, orderId)))!;
        Assert.Equal(TrafficOrderStatus.Final, order.Status);
        Assert.Equal(SpotStatus.ReadyForInstallation, await SpotStatusAsync(spot));
        var objection = order.ObjectionById(receipt.ObjectionId);
        Assert.Equal((ObjectionOutcome.Unfounded, Today), (objection.Outcome, objection.DecidedOn));
        Assert.NotNull(objection.HearingMinutesDocumentId);
        var mailbox = await app.DeliverMailAsync();
        var letter = Assert.Single(mailbox.MessagesTo("dirk@bezwaar.test"), m => m.Contains("Beslissing: ongegrond", StringComparison.Ordinal));
        Assert.Contains($"uw bezwaarschrift (kenmerk {receipt.Reference}) tegen verkeersbesluit {reference}", letter, StringComparison.Ordinal);
        Assert.Contains("Het vak staat voor mijn raam.", letter, StringComparison.Ordinal);
        Assert.Contains("Motivering:\nHet vak ligt op de kortste afstand.", letter.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Gevolg voor het verkeersbesluit: het verkeersbesluit blijft in stand", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Fien", letter, StringComparison.Ordinal);
        var final = mailbox.MessagesTo("fien@aanvraag.test");
        Assert.Contains(final, m => m.Contains($"Verkeersbesluit {reference} voor uw laadplek is definitief", StringComparison.Ordinal));
        Assert.Equal(1, final.Count(m => m.Contains("is definitief", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AWellFoundedObjectionThatRevokes_WithdrawsTheOrder()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Klarendalseweg 5", 0.0161);
        var (orderId, _) = await PublishedAsync(officer, arnhem, "Laadplek Klarendalseweg", Today.AddDays(-5), spot);
        var receipt = await Objections(s => s.ReceiveAsync(orderId, ObjectionKind.Objection,
            new ObjectionForm { Name = "Eva", Address = "Weg 2", Email = "eva@bezwaar.test", Grounds = "Uitrit." }, []));
        Assert.Null(await Objections(s => s.JudgeAdmissibilityAsync(officer, receipt.ObjectionId, true, null)));

        var refused = await Objections(s => s.DecideAsync(officer, receipt.ObjectionId, ObjectionOutcome.Unfounded, ObjectionConsequence.Revoked, "Toch niet."));
        Assert.NotNull(refused);   // only a well-founded objection revokes
        Assert.Null(await Objections(s => s.DecideAsync(officer, receipt.ObjectionId, ObjectionOutcome.WellFounded, ObjectionConsequence.Revoked, "Het vak blokkeert een uitrit.")));

        Assert.Equal(TrafficOrderStatus.Withdrawn, (await Orders(s => s.FindAsync(officer, orderId)))!.Status);
        Assert.Equal(SpotStatus.Approved, await SpotStatusAsync(spot));   // the status it had before the order
        Assert.Contains((await app.DeliverMailAsync()).MessagesTo("eva@bezwaar.test"), m => m.Contains("het verkeersbesluit wordt herroepen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApplicant_IsMailedOnPublicationAndFinal_AndSeesTheOrderOnTheirApplicationPage_AnotherResidentCannot()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Hommelseweg 30", 0.0171);
        var application = await ApprovedApplicationAsync(arnhem, spot, "piet@aanvraag.test", "Piet Publicatie");
        var publishedOn = Today.AddDays(-50);
        var lastDay = AwbTerms.Objection(publishedOn, TermsCalendar.Default).LastDay;

        var (_, reference) = await PublishedAsync(officer, arnhem, "Laadplek Hommelseweg", publishedOn, spot);

        var published = Assert.Single((await app.DeliverMailAsync()).MessagesTo("piet@aanvraag.test"));
        Assert.Contains($"Verkeersbesluit {reference} voor uw laadplek is bekendgemaakt", published, StringComparison.Ordinal);
        Assert.Contains(Day(lastDay), published, StringComparison.Ordinal);
        Assert.Contains(application.Reference, published, StringComparison.Ordinal);
        Assert.Equal($"/verkeersbesluiten/{reference}", new Uri(app.Mail.LinkTo("piet@aanvraag.test", $"/verkeersbesluiten/{reference}")).AbsolutePath);

        var resident = await app.LogInAsAsync("piet@aanvraag.test");
        var (_, page) = await resident.GetPageAsync($"/aanvragen/{application.Id}");
        Assert.Equal(reference, page.QuerySelector("[data-testid=order-reference]")!.TextContent);
        Assert.Equal("Bekendgemaakt: termijn loopt", page.QuerySelector("[data-testid=order-status]")!.TextContent);
        Assert.Equal(Day(lastDay), page.QuerySelector("[data-testid=order-last-day]")!.TextContent);
        Assert.Equal($"/verkeersbesluiten/{reference}?gemeente=GM0202", page.QuerySelector("[data-testid=order-link]")!.GetAttribute("href"));

        var stranger = await ApplyFlow.NewResidentAsync(app, "vreemde@aanvraag.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/aanvragen/{application.Id}")).StatusCode);

        Assert.True(await Orders(s => s.MakeFinalWhereDueAsync()) >= 1);
        var mails = (await app.DeliverMailAsync()).MessagesTo("piet@aanvraag.test");
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Contains($"Verkeersbesluit {reference} voor uw laadplek is definitief", StringComparison.Ordinal));
        var (_, after) = await resident.GetPageAsync($"/aanvragen/{application.Id}");
        Assert.Equal("Definitief", after.QuerySelector("[data-testid=order-status]")!.TextContent);
    }

    [Fact]
    public async Task OnADraftOutForViews_APersonGivesAView_WhichTheOfficerConsiders()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Onderlangs 11", 0.0181);
        var draft = await Orders(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Ontwerp Onderlangs", TrafficOrderRoute.PublicPreparation, [spot], SignBoard.E8)));
        var id = draft.OrderId!.Value;
        Assert.Null((await Orders(s => s.RecordPoliceConsultationAsync(officer, id, Today.AddDays(-5), "Geen bezwaar."))).Error);
        Assert.Null((await Orders(s => s.PublishDraftAsync(officer, id, PublicationChannel.Gemeenteblad, Today.AddDays(-2), "gmb-ontwerp-onderlangs"))).Error);
        var reference = (await Orders(s => s.FindAsync(officer, id)))!.Reference;
        var viewPath = $"/verkeersbesluiten/{reference}/zienswijze?gemeente=GM0202";
        var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync($"/verkeersbesluiten/{reference}?gemeente=GM0202");
        Assert.Equal(Day(AwbTerms.Views(Today.AddDays(-2), TermsCalendar.Default).LastDay), page.QuerySelector("[data-testid=term-last-day]")!.TextContent);
        Assert.Equal(viewPath, page.QuerySelector("[data-testid=respond]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/verkeersbesluiten/{reference}/bezwaar?gemeente=GM0202")).StatusCode);   // no objection stage on a draft

        var response = await ApplyFlow.PostMultipartAsync(client, viewPath, "objection", Fields(email: "zien@wijze.test", grounds: "Liever aan de overkant."));
        var (_, receipt) = await client.FollowAsync(response);
        Assert.Matches($"^ZW-{Today.Year}-\\d{{4}}$", receipt.QuerySelector("[data-testid=objection-reference]")!.TextContent);
        var view = await OfficerTestData.ReadAsync(app, db => db.TrafficOrderObjections.AsNoTracking().SingleAsync(o => o.TrafficOrderId == id));

        Assert.NotNull(await Objections(s => s.ConsiderViewAsync(officer, view.Id, " ")));   // the response is required
        Assert.Null(await Objections(s => s.ConsiderViewAsync(officer, view.Id, "De overkant heeft geen ruimte op de stoep.")));

        var order = (await Orders(s => s.FindAsync(officer, id)))!;
        Assert.Equal(TrafficOrderStatus.ViewsReceived, order.Status);
        Assert.Equal("De overkant heeft geen ruimte op de stoep.", order.ObjectionById(view.Id).Response);
    }
}
