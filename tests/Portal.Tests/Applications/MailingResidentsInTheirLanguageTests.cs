using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Applications;

/// <summary>
/// A resident reads their mails in the language they chose on the portal, whatever language the
/// officer who decides works in; the officer's preview shows that same mail.
/// </summary>
public sealed class MailingResidentsInTheirLanguageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AResidentWhoSwitchedToEnglish_GetsTheDutchOfficersQuestionInAnEnglishMail()
    {
        const string email = "english.resident@test.example";
        var resident = await ResidentAsync(app, email, "Emma English");
        using (var client = await app.LogInAsAsync(email))
        {
            var switched = await client.Http.GetAsync("/taal/en?returnUrl=/aanvragen");
            Assert.Equal("/aanvragen", switched.Headers.Location!.OriginalString);
        }
        Assert.Equal("en", await ReadAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));
        using (var client = await app.LogInAsAsync(email))
        {
            await client.Http.GetAsync("/taal/en");
            var (_, myData) = await client.GetPageAsync("/mijn-gegevens");
            Assert.Equal("English", myData.QuerySelector("[data-testid=mail-language]")!.TextContent);
        }
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Taalwijk", Now.AddDays(-1), houseNumber: 301);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (_, form) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/informatie");
        var (_, preview) = await officer.FollowAsync(await officer.SubmitAsync(form, "decision", new Dictionary<string, string> { ["Form.Text"] = "Stuur uw kentekenbewijs mee." }));
        Assert.Contains("Waiting for your information", preview.QuerySelector("[data-testid=mail-preview]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nl", preview.DocumentElement.GetAttribute("lang"));   // the officer's own page stays Dutch
        await officer.FollowAsync(await officer.SubmitAsync(preview, "decision", new Dictionary<string, string> { ["Form.Text"] = "Stuur uw kentekenbewijs mee." }));

        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Dear Emma English", mail, StringComparison.Ordinal);
        Assert.Contains("Waiting for your information", mail, StringComparison.Ordinal);
        Assert.Contains("Stuur uw kentekenbewijs mee.", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentWithoutAChoice_GetsDutchMails()
    {
        const string email = "dutch.resident@test.example";
        var resident = await ResidentAsync(app, email, "Daan Nederlands");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Taalwijk", Now.AddDays(-1), houseNumber: 302);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        await officer.Http.GetAsync("/taal/en");

        var (_, form) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/informatie");
        var (_, preview) = await officer.FollowAsync(await officer.SubmitAsync(form, "decision", new Dictionary<string, string> { ["Form.Text"] = "Please send the registration." }));
        Assert.Equal("en", preview.DocumentElement.GetAttribute("lang"));
        await officer.FollowAsync(await officer.SubmitAsync(preview, "decision", new Dictionary<string, string> { ["Form.Text"] = "Please send the registration." }));

        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Beste Daan Nederlands", mail, StringComparison.Ordinal);
        Assert.Contains("Wacht op uw informatie", mail, StringComparison.Ordinal);
    }
}
