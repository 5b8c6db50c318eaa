using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Portal.Domain.Applications;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Map;

namespace Portal.Tests.Applying;

public sealed class ApplyingForAChargePointTests(PortalWithFakePdok app) : IClassFixture<PortalWithFakePdok>
{
    [Fact]
    public async Task WholeJourney_FromCheckToSubmit_GivesAReferenceAndAnEmail()
    {
        // Check without logging in.
        using var anonymous = app.CreateClient();
        var (checkResponse, check) = await anonymous.GetPageAsync("/aanvragen/controleren?adres=Velperweg%201%20Arnhem");
        Assert.Equal(HttpStatusCode.OK, checkResponse.StatusCode);
        Assert.NotEmpty(check.QuerySelector("[data-testid=eligibility-outcome]")!.TextContent);
        Assert.Contains("250 m", check.QuerySelector("[data-testid=policy]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, check.QuerySelectorAll("[data-testid=distance]").Length);
        var start = check.QuerySelector<IHtmlAnchorElement>("[data-testid=start-application]")!.GetAttribute("href")!;
        Assert.StartsWith("/aanvragen/nieuw?adres=", start, StringComparison.Ordinal);

        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var before = (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident).Count;

        // Step 1: the address from the check page is filled in; saving creates the draft and shows the found address.
        var (_, addressPage) = await resident.GetPageAsync(start);
        Assert.Equal("6824BA", addressPage.QuerySelector<IHtmlInputElement>("#postcode")!.Value);
        Assert.Equal("1", addressPage.QuerySelector<IHtmlInputElement>("#housenumber")!.Value);
        Assert.NotNull(addressPage.QuerySelector("nav.portal-steps [aria-current=step]"));
        var created = await resident.SubmitAsync(addressPage, "apply-address", new Dictionary<string, string>());
        var foundPath = created.RedirectPath();
        var id = Guid.Parse(foundPath.Split('/')[2]);
        var (_, found) = await resident.GetPageAsync(foundPath);
        Assert.Contains("Velperweg 1, 6824 BA Arnhem", found.QuerySelector("[data-testid=found-address]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("51.9871904", found.QuerySelector<IHtmlInputElement>("#lat")!.Value);
        Assert.Equal($"/aanvragen/{id}/stap/auto", (await resident.SubmitAsync(found, "apply-address", new Dictionary<string, string>())).RedirectPath());

        // Steps 2-5.
        Assert.Equal($"/aanvragen/{id}/stap/bewijs",
            await ApplyFlow.StepAsync(resident, $"/aanvragen/{id}/stap/auto", "apply-car", new() { ["Form.Situation"] = "Driving", ["Form.LicencePlate"] = "12abc3" }));
        var upload = await resident.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", "kentekenbewijs.pdf", ApplyFlow.Pdf);
        Assert.Equal($"/aanvragen/{id}/stap/verklaringen", upload.RedirectPath());
        Assert.Equal($"/aanvragen/{id}/stap/toestemming",
            await ApplyFlow.StepAsync(resident, $"/aanvragen/{id}/stap/verklaringen", "apply-declarations", new() { ["Form.PrivateParking"] = "nee" }));
        Assert.Equal($"/aanvragen/{id}/controleren",
            await ApplyFlow.StepAsync(resident, $"/aanvragen/{id}/stap/toestemming", "apply-consent", new() { ["Form.Consent"] = "true" }));

        // The summary shows every step with a link to change it.
        var (_, summary) = await resident.GetPageAsync($"/aanvragen/{id}/controleren");
        Assert.Null(summary.QuerySelector("[data-testid=missing-steps]"));
        Assert.Contains("12-ABC-3", summary.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("kentekenbewijs.pdf", summary.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, summary.QuerySelectorAll(".portal-summary-section a[href*='/stap/']").Length);

        var submitted = await resident.FollowAsync(await resident.SubmitAsync(summary, "apply-submit", new Dictionary<string, string>()));
        var reference = submitted.Document.QuerySelector("[data-testid=reference]")!.TextContent;
        Assert.Matches(new Regex("^LP-[0-9]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$"), reference);
        Assert.Contains(reference, submitted.Document.QuerySelector("[data-testid=submitted]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ingediend", submitted.Document.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Equal(2, submitted.Document.QuerySelectorAll("[data-testid=timeline] li").Length);
        Assert.NotEmpty(submitted.Document.QuerySelector("[data-testid=deadline]")!.TextContent);

        var mails = (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Resident);
        Assert.Equal(before + 1, mails.Count);
        Assert.Contains(reference, mails[^1], StringComparison.Ordinal);
        Assert.Equal($"/aanvragen/{id}", new Uri(app.Mail.LinkTo(DemoAccounts.Resident, $"/aanvragen/{id}")).AbsolutePath);

        var stored = await ApplyFlow.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.NotNull(stored.Advice);
        Assert.NotEmpty(stored.Findings);
        Assert.Equal("12-ABC-3", stored.LicencePlate);
        Assert.Equal("application/pdf", Assert.Single(stored.Documents).ContentType);

        var (_, list) = await resident.GetPageAsync("/aanvragen");
        Assert.Contains(reference, list.QuerySelector("[data-testid=my-applications]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointPickedOnTheMap_IsCheckedWithoutLoggingIn()
    {
        using var anonymous = app.CreateClient();

        var (_, page) = await anonymous.GetPageAsync("/aanvragen/controleren?lat=51.98719&lon=5.92144");

        Assert.Contains("51.98719", page.QuerySelector("#check-heading")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelector("[data-testid=eligibility-outcome]")!.TextContent);
        Assert.Equal("/aanvragen/nieuw", page.QuerySelector("[data-testid=start-application]")!.GetAttribute("href"));
        Assert.Equal("/aanvragen/controleren", page.QuerySelector("#map")!.GetAttribute("data-click-to-add"));
    }

    [Fact]
    public async Task WrongAddress_ShowsTheMessageAtTheFieldAndKeepsWhatWasTyped()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var (_, page) = await resident.GetPageAsync("/aanvragen/nieuw");

        var badPostcode = await resident.SubmitAsync(page, "apply-address", new Dictionary<string, string> { ["Form.Postcode"] = "68 BA", ["Form.HouseNumber"] = "7b" });
        var bad = await resident.FollowAsync(badPostcode);
        Assert.Equal(HttpStatusCode.OK, bad.Response.StatusCode);
        Assert.Contains("postcode", bad.Document.QuerySelector("#postcode-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("68 BA", bad.Document.QuerySelector<IHtmlInputElement>("#postcode")!.Value);
        Assert.Equal("7b", bad.Document.QuerySelector<IHtmlInputElement>("#housenumber")!.Value);

        var unknown = await resident.FollowAsync(await resident.SubmitAsync(page, "apply-address", new Dictionary<string, string> { ["Form.Postcode"] = "1234 AB", ["Form.HouseNumber"] = "5" }));
        Assert.Contains("1234 AB 5", unknown.Document.QuerySelector("#postcode-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1234 AB", unknown.Document.QuerySelector<IHtmlInputElement>("#postcode")!.Value);

        var farAway = await resident.FollowAsync(await resident.SubmitAsync(page, "apply-address", new Dictionary<string, string>
        {
            ["Form.Postcode"] = "6824BA", ["Form.HouseNumber"] = "1", ["Form.Latitude"] = "51.9900", ["Form.Longitude"] = "5.9214388",
        }));
        Assert.Contains("100 m", farAway.Document.QuerySelector("#lat-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("51.99", farAway.Document.QuerySelector<IHtmlInputElement>("#lat")!.Value);
    }

    [Fact]
    public async Task PointMovedAcrossTheStreet_IsKeptAsAdjusted()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(resident);

        var next = await ApplyFlow.StepAsync(resident, $"/aanvragen/{id}/stap/adres", "apply-address", new() { ["Form.Latitude"] = "51.9873", ["Form.Longitude"] = "5.9216" });

        Assert.Equal($"/aanvragen/{id}/stap/auto", next);
        var stored = await ApplyFlow.LoadAsync(app, id);
        Assert.True(stored.PointAdjusted);
        Assert.Equal(51.9873, stored.Latitude, 6);
    }

    [Fact]
    public async Task EachStepsValidation_KeepsWhatWasTyped()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(resident);

        var (_, car) = await resident.GetPageAsync($"/aanvragen/{id}/stap/auto");
        var badPlate = await resident.FollowAsync(await resident.SubmitAsync(car, "apply-car", new Dictionary<string, string> { ["Form.Situation"] = "Driving", ["Form.LicencePlate"] = "ABC-DEF-1" }));
        Assert.Contains("ABC-DEF-1", badPlate.Document.QuerySelector("#plate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ABC-DEF-1", badPlate.Document.QuerySelector<IHtmlInputElement>("#plate")!.Value);
        Assert.True(badPlate.Document.QuerySelector<IHtmlInputElement>("#situation")!.IsChecked);

        var noDate = await resident.FollowAsync(await resident.SubmitAsync(car, "apply-car", new Dictionary<string, string> { ["Form.Situation"] = "Ordered", ["Form.LicencePlate"] = "12abc3" }));
        Assert.NotEmpty(noDate.Document.QuerySelector("#expected-error")!.TextContent);
        Assert.Equal("12abc3", noDate.Document.QuerySelector<IHtmlInputElement>("#plate")!.Value);
        Assert.True(noDate.Document.QuerySelector<IHtmlInputElement>("#situation-ordered")!.IsChecked);

        var (_, declarations) = await resident.GetPageAsync($"/aanvragen/{id}/stap/verklaringen");
        var unanswered = await resident.FollowAsync(await resident.SubmitAsync(declarations, "apply-declarations", new Dictionary<string, string> { ["Form.PermitNumber"] = "VG-123" }));
        Assert.NotNull(unanswered.Document.QuerySelector("fieldset .utrecht-form-field-error-message"));
        Assert.Equal("VG-123", unanswered.Document.QuerySelector<IHtmlInputElement>("#permit")!.Value);

        var (_, consent) = await resident.GetPageAsync($"/aanvragen/{id}/stap/toestemming");
        var noConsent = await resident.FollowAsync(await resident.SubmitAsync(consent, "apply-consent", new Dictionary<string, string>()));
        Assert.NotEmpty(noConsent.Document.QuerySelector("#consent-error")!.TextContent);

        var (_, summary) = await resident.GetPageAsync($"/aanvragen/{id}/controleren");
        Assert.Equal(4, summary.QuerySelectorAll("[data-testid=missing-steps] li").Length);
        var refused = await resident.FollowAsync(await resident.SubmitAsync(summary, "apply-submit", new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Equal(ApplicationStatus.Draft, (await ApplyFlow.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task SaveForLater_StoresTheStepAndListsTheDraftToContinue()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(resident);

        var later = await ApplyFlow.StepAsync(resident, $"/aanvragen/{id}/stap/auto", "apply-car",
            new() { ["Form.Situation"] = "Ordered", ["Form.ExpectedOn"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["actie"] = "later" });

        Assert.Equal($"/aanvragen?opgeslagen={id}", later);
        var (_, list) = await resident.GetPageAsync(later);
        var row = list.QuerySelector($"tr[data-id='{id}']")!;
        Assert.Equal($"/aanvragen/{id}/stap/bewijs", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull((await ApplyFlow.LoadAsync(app, id)).CarExpectedOn);
    }

    [Fact]
    public async Task OversizedFile_IsRefusedAtTheFieldAndTheDraftIsKept()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(resident);
        var tooLarge = new byte[ApplicationDocument.MaxSizeBytes + 1];
        ApplyFlow.Pdf.CopyTo(tooLarge, 0);

        var response = await resident.FollowAsync(await resident.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", "groot.pdf", tooLarge));

        Assert.Equal(HttpStatusCode.OK, response.Response.StatusCode);
        Assert.Contains("10 MB", response.Document.QuerySelector("[data-testid=file-error]")!.TextContent, StringComparison.Ordinal);
        var stored = await ApplyFlow.LoadAsync(app, id);
        Assert.Empty(stored.Documents);
        Assert.Equal("Velperweg", stored.Street);
    }

    [Theory]
    [InlineData("kentekenbewijs.pdf", "MZ\u0090\u0000 this program cannot be run in DOS mode")]
    [InlineData("foto.png", "Dit is gewoon tekst met een .png-naam.")]
    public async Task DisguisedFile_IsRefusedWhateverItsName(string name, string content)
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.StartDraftAsync(resident);
        var folder = Path.Combine(app.DataFolder, "documents");
        var filesBefore = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        var response = await resident.FollowAsync(await resident.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", name, System.Text.Encoding.Latin1.GetBytes(content)));

        Assert.Contains("geen PDF, JPEG of PNG", response.Document.QuerySelector("[data-testid=file-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await ApplyFlow.LoadAsync(app, id)).Documents);
        Assert.Equal(filesBefore, Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    [Fact]
    public async Task UploadedProof_IsStoredOutsideTheWebRootUnderARandomName()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.CompleteDraftAsync(resident);

        var document = Assert.Single((await ApplyFlow.LoadAsync(app, id)).Documents);

        Assert.Matches("^[0-9a-f]{48}$", document.StorageKey);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "documents", document.StorageKey)));
        var download = await resident.Http.GetAsync($"/aanvragen/{id}/documenten/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(ApplyFlow.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Draft_CanBeDeletedAfterConfirmation()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var id = await ApplyFlow.CompleteDraftAsync(resident);
        var key = Assert.Single((await ApplyFlow.LoadAsync(app, id)).Documents).StorageKey;

        var (_, confirm) = await resident.GetPageAsync($"/aanvragen/{id}/verwijderen");
        Assert.Contains("Velperweg 1", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var deleted = await resident.SubmitAsync(confirm, "delete-draft", new Dictionary<string, string>());

        Assert.Equal("/aanvragen?verwijderd=true", deleted.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync($"/aanvragen/{id}/stap/auto")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.DataFolder, "documents", key)));
    }
}
