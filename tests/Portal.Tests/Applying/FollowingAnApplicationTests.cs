using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Municipalities;
using Portal.Integration.Accounts;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Map;

namespace Portal.Tests.Applying;

public sealed class FollowingAnApplicationTests(PortalWithFakePdok app) : IClassFixture<PortalWithFakePdok>
{
    private static readonly ApplicationActor Officer = new("officer-in-test", "Anna de Vries");

    [Fact]
    public async Task AnotherResident_GetsNotFoundForTheApplicationAndItsProof()
    {
        using var owner = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(owner);
        var document = Assert.Single((await ApplyFlow.LoadAsync(app, id)).Documents);
        using var other = await ApplyFlow.NewResidentAsync(app, "buurman@example.test");

        foreach (var url in new[] { $"/aanvragen/{id}", $"/aanvragen/{id}/documenten/{document.Id}", $"/aanvragen/{id}/intrekken", $"/aanvragen/{id}/stap/auto", $"/aanvragen/{id}/controleren" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        var (_, list) = await other.GetPageAsync("/aanvragen");
        Assert.DoesNotContain(id.ToString(), list.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherResident_PostingAStepOfSomeoneElsesDraft_FindsNoFormThere_AndStartsNoDraft()
    {
        using var owner = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(owner);
        using var other = await ApplyFlow.NewResidentAsync(app, "overbuur@example.test");
        var (_, ownForm) = await other.GetPageAsync("/aanvragen/nieuw");
        var token = ownForm.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var applications = await ApplyFlow.WithDbAsync(app, db => db.Applications.CountAsync());

        // Without the draft the page has no form, so the post is refused as a post to a form that is not there.
        foreach (var (step, form) in new[] { ("adres", "apply-address"), ("auto", "apply-car") })
        {
            var response = await other.Http.PostAsync($"/aanvragen/{id}/stap/{step}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = form,
                ["__RequestVerificationToken"] = token,
                ["Form.Postcode"] = "6824 BA",
                ["Form.HouseNumber"] = "1",
                ["Form.Situation"] = "Driving",
                ["Form.LicencePlate"] = "12abc3",
            }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(applications, await ApplyFlow.WithDbAsync(app, db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToLogIn()
    {
        using var owner = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(owner);
        var document = Assert.Single((await ApplyFlow.LoadAsync(app, id)).Documents);
        using var anonymous = app.CreateClient();

        foreach (var url in new[] { "/aanvragen", "/aanvragen/nieuw", $"/aanvragen/{id}", $"/aanvragen/{id}/documenten/{document.Id}" })
        {
            var response = await anonymous.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/inloggen", response.RedirectPath(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Officers_OfTheMunicipalityMayDownloadTheProof_OfficersOfAnotherMayNot()
    {
        using var owner = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(owner);
        var document = Assert.Single((await ApplyFlow.LoadAsync(app, id)).Documents);
        using var stranger = await OfficerOfAnotherMunicipalityAsync("ambtenaar@renkum.example");
        using var own = await app.LogInAsAsync(DemoAccounts.Officer);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/aanvragen/{id}/documenten/{document.Id}")).StatusCode);
        var allowed = await own.Http.GetAsync($"/aanvragen/{id}/documenten/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("kentekenbewijs.pdf", allowed.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }

    [Fact]
    public async Task RequestForInformation_IsAnsweredWithTextAndAFile()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(resident);
        await ApplyFlow.WithDbAsync(app, async db =>
        {
            var application = await db.Applications.Include(a => a.History).Include(a => a.Documents).Include(a => a.InformationRequests).SingleAsync(a => a.Id == id);
            // Saved the way the officer's page will: the new request is found through the aggregate, not added by hand.
            application.AskForInformation(Officer, "Stuur het leasecontract mee; het kentekenbewijs staat op de werkgever.", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var mailsBefore = (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident).Count;

        var (_, page) = await resident.GetPageAsync($"/aanvragen/{id}");
        Assert.Contains("leasecontract", page.QuerySelector("[data-testid=question]")!.TextContent, StringComparison.Ordinal);
        var empty = await resident.FollowAsync(await ApplyFlow.PostMultipartAsync(resident, $"/aanvragen/{id}", "answer", new() { ["antwoord"] = " " }));
        Assert.NotNull(empty.Document.QuerySelector("#answer-error"));
        var disguised = await resident.FollowAsync(await ApplyFlow.PostMultipartAsync(resident, $"/aanvragen/{id}", "answer",
            new() { ["antwoord"] = "Hierbij het contract." }, ("bestand", "lease.pdf", "GIF89a not a pdf"u8.ToArray())));
        Assert.NotNull(disguised.Document.QuerySelector("[data-testid=file-error]"));
        Assert.Equal("Hierbij het contract.", disguised.Document.QuerySelector("#answer")!.TextContent);

        var answered = await ApplyFlow.PostMultipartAsync(resident, $"/aanvragen/{id}", "answer",
            new() { ["antwoord"] = "Hierbij het contract." }, ("bestand", "lease.pdf", ApplyFlow.Pdf));

        Assert.Equal($"/aanvragen/{id}?beantwoord=true", answered.RedirectPath());
        var stored = await ApplyFlow.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.InAssessment, stored.Status);
        Assert.Equal("Hierbij het contract.", Assert.Single(stored.InformationRequests).Answer);
        Assert.Contains(stored.Documents, d => d.Kind == DocumentKind.InformationAnswer && d.FileName == "lease.pdf");
        Assert.Equal(mailsBefore + 1, (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident).Count);
        var (_, after) = await resident.GetPageAsync($"/aanvragen/{id}");
        Assert.Contains("lease.pdf", after.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("[data-testid=question]"));
    }

    [Fact]
    public async Task Withdrawing_AsksForConfirmationAndMailsTheResident()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(resident);
        var mailsBefore = (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident).Count;

        var (_, detail) = await resident.GetPageAsync($"/aanvragen/{id}");
        Assert.NotNull(detail.QuerySelector($"a[href='/aanvragen/{id}/intrekken']"));
        var (_, confirm) = await resident.GetPageAsync($"/aanvragen/{id}/intrekken");
        var withdrawn = await resident.FollowAsync(await resident.SubmitAsync(confirm, "withdraw", new Dictionary<string, string> { ["Form.Reason"] = "Verhuisd" }));

        Assert.Equal("Ingetrokken", withdrawn.Document.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Null(withdrawn.Document.QuerySelector($"a[href='/aanvragen/{id}/intrekken']"));
        var stored = await ApplyFlow.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Withdrawn, stored.Status);
        Assert.Equal("Verhuisd", stored.History[^1].Reason);
        Assert.Equal(mailsBefore + 1, (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident).Count);
        Assert.Contains("Ingetrokken", (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferredApplication_ShowsTheChargePointOnAMapAndAsText()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(resident);
        var point = await ApplyFlow.WithDbAsync(app, async db =>
        {
            var location = await db.ChargeLocations.AsNoTracking().OrderBy(l => l.Address).FirstAsync(l => l.IsPublic);
            var application = await db.Applications.Include(a => a.History).SingleAsync(a => a.Id == id);
            application.ReferTo(Officer, location.Id, "Het laadpunt om de hoek heeft ruimte genoeg.", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return location;
        });

        var (_, page) = await resident.GetPageAsync($"/aanvragen/{id}");

        Assert.Contains(point.Address, page.QuerySelector("[data-testid=referred-point]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#map[data-marker-lat='{point.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}']"));
        Assert.Contains("om de hoek", page.QuerySelector("[data-testid=decision-text]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyDataDownload_HoldsTheApplicationsWithHistoryAndFiles()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.SubmittedAsync(resident);
        var reference = (await ApplyFlow.LoadAsync(app, id)).Reference;

        var json = System.Text.Json.JsonDocument.Parse(await resident.Http.GetStringAsync("/mijn-gegevens/download"));

        var application = json.RootElement.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("reference").GetString() == reference);
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        Assert.Equal("12-ABC-3", application.GetProperty("licencePlate").GetString());
        Assert.Equal(2, application.GetProperty("history").GetArrayLength());
        Assert.Equal("kentekenbewijs.pdf", application.GetProperty("documents")[0].GetProperty("fileName").GetString());
        var (_, page) = await resident.GetPageAsync("/mijn-gegevens");
        Assert.Contains(reference, page.QuerySelector("[data-testid=my-data-applications]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondApplicationForTheSameHome_IsFlaggedAsADuplicateOnSubmit()
    {
        using var first = await app.LogInAsAsync(DemoAccounts.Resident);
        var firstId = await ApplyFlow.SubmittedAsync(first);
        using var housemate = await ApplyFlow.NewResidentAsync(app, "huisgenoot@example.test");

        var secondId = await ApplyFlow.SubmittedAsync(housemate);

        var second = await ApplyFlow.LoadAsync(app, secondId);
        var duplicate = Assert.Single(second.Findings, f => f.Code == PreAssessmentFindingCode.DuplicateAddress);
        Assert.Contains(firstId, duplicate.RelatedApplicationIds!);
        Assert.Equal("6824 BA 1", duplicate.Label);
        Assert.Contains(second.Findings, f => f.Code is PreAssessmentFindingCode.ChargePointWithinPolicyDistance or PreAssessmentFindingCode.NoChargePointWithinPolicyDistance);
    }

    private async Task<PortalClient> OfficerOfAnotherMunicipalityAsync(string email)
    {
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Integration.Persistence.PortalDbContext>();
            var renkum = Municipality.Register(MunicipalityCode.Parse("GM0274"), "Renkum", DateTime.UtcNow);
            db.Municipalities.Add(renkum);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ambtenaar Renkum", CreatedAtUtc = DateTime.UtcNow,
                Memberships = [new OfficerMembership { MunicipalityId = renkum.Id }],
            };
            Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Officer)).Succeeded);
        }
        return await app.LogInAsAsync(email);
    }
}
