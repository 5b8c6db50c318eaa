using Bunit;
using Portal.Features.Findings;
using Portal.Tests.Admin;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Findings;

/// <summary>A finding's page in bUnit over the real portal: the CPO answers on it, the officer closes it through the confirmation dialog, which wants a reason.</summary>
public sealed class FindingPageTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    [Fact]
    public async Task TheCpoAnswersOnThePage_AndTheOfficerClosesItWithAReason()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-PAGINA");
        var id = await FindingTestData.TimelinessAsync(app, contract, new DateOnly(2026, 1, 1));

        await using (var cpo = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo))
        {
            var page = cpo.Render<FindingPage>(p => p.Add(x => x.Id, id));
            page.WaitForElement("#finding-answer", AdminSteps.Wait);
            Assert.Empty(page.FindAll("[data-testid=close]"));
            await page.TypeAsync("#finding-answer", "De oorzaak was een volle wachtrij; die is vergroot.");
            await page.InvokeAsync(() => page.Find("[data-testid=send-answer]").ClickAsync(new()));
            page.WaitForAssertion(() => Assert.Equal("Beantwoord", page.Find("[data-testid=finding-state]").TextContent.Trim()), AdminSteps.Wait);
            Assert.Equal("De oorzaak was een volle wachtrij; die is vergroot.", page.Find("[data-testid=finding-answer]").TextContent.Trim());
            Assert.Empty(page.FindAll("#finding-answer"));
        }

        await using var officer = await BackOfficeContext.SignedInAsAsync(app, ContractTestSetup.RenkumOfficer);
        var dialogs = officer.RenderProviders();
        var officerPage = officer.Render<FindingPage>(p => p.Add(x => x.Id, id));
        officerPage.WaitForElement("[data-testid=close]", AdminSteps.Wait);
        Assert.Single(officerPage.FindAll("[data-testid=reopen]"));
        officerPage.PressAndWaitForDialog("Sluiten", dialogs);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-decision]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Equal("Geef een reden.", dialogs.Find("[data-testid=decision-problem]").TextContent.Trim()), AdminSteps.Wait);
        await dialogs.TypeAsync("#finding-reason", "Wachtrij vergroot, cijfers van deze maand in orde");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-decision]").ClickAsync(new()));

        officerPage.WaitForAssertion(() => Assert.Equal("Gesloten", officerPage.Find("[data-testid=finding-state]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Empty(officerPage.FindAll("[data-testid=close]"));
        Assert.Contains("Rik Renkum", officerPage.Find("[data-testid=finding-history]").TextContent, StringComparison.Ordinal);
    }
}
