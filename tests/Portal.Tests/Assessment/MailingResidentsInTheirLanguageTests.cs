using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>
/// A resident reads their mails in the language they chose on the portal, whatever language the
/// officer who decides works in; the officer's preview shows that same mail. (The dialog that shows
/// the preview is tested in <see cref="DecisionDialogTests"/>.)
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
        var decision = new Decision(DecisionKind.Ask, "Stuur uw kentekenbewijs mee.");

        var preview = await AsOfficerInAsync("nl-NL", (d, officer) => d.PreviewAsync(officer, application.Id, decision));
        await AsOfficerInAsync("nl-NL", async (d, officer) => { await d.DecideAsync(officer, application.Id, decision); return true; });

        Assert.Contains("Waiting for your information", preview!.Body, StringComparison.Ordinal);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Dear Emma English", mail, StringComparison.Ordinal);
        Assert.Contains("Waiting for your information", mail, StringComparison.Ordinal);
        Assert.Contains("Stuur uw kentekenbewijs mee.", mail, StringComparison.Ordinal);
        Assert.Contains(preview.Subject, mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentWithoutAChoice_GetsDutchMails_FromAnOfficerWorkingInEnglish()
    {
        const string email = "dutch.resident@test.example";
        var resident = await ResidentAsync(app, email, "Daan Nederlands");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Taalwijk", Now.AddDays(-1), houseNumber: 302);
        var decision = new Decision(DecisionKind.Ask, "Please send the registration.");

        var preview = await AsOfficerInAsync("en-GB", (d, officer) => d.PreviewAsync(officer, application.Id, decision));
        await AsOfficerInAsync("en-GB", async (d, officer) => { await d.DecideAsync(officer, application.Id, decision); return true; });

        Assert.Contains("Beste Daan Nederlands", preview!.Body, StringComparison.Ordinal);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Beste Daan Nederlands", mail, StringComparison.Ordinal);
        Assert.Contains("Wacht op uw informatie", mail, StringComparison.Ordinal);
    }

    /// <summary>A call of the demo officer, made while the officer's own page is in <paramref name="culture"/>.</summary>
    private async Task<T> AsOfficerInAsync<T>(string culture, Func<DecisionService, System.Security.Claims.ClaimsPrincipal, Task<T>> call)
    {
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var scope = app.App.Services.CreateScope();
            return await call(scope.ServiceProvider.GetRequiredService<DecisionService>(), officer);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
