using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Contracts;
using Portal.Features.Contracts;
using Portal.Tests.Admin;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.ContractTestSetup;

namespace Portal.Tests.Contracts;

/// <summary>The contract pages (bUnit) over the real portal and its database, as officers, CPO users and administrators see them.</summary>
public sealed class ContractPagesTests : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = AdminSteps.Wait;
    private readonly PortalAppFactory app;

    public ContractPagesTests(PortalAppFactory app)
    {
        this.app = app;
        Spots.SpotPageTesting.ReadInDutch();
    }

    /// <summary>Types into a field that takes its value when it is left (a MudBlazor field that is not Immediate, a date picker's input).</summary>
    private static Task FillAsync(IRenderedComponent<NewContractPage> page, string selector, string value) =>
        page.InvokeAsync(() => page.Find(selector).ChangeAsync(new ChangeEventArgs { Value = value }));

    [Fact]
    public async Task AnOfficer_CreatesARegionalConcession_AttachesTheSmartChargingSection_AndSignsIt()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var renkum = await RenkumAsync(app);
        var operatorId = await DemoOperatorAsync(app);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/contracten/nieuw");
        var create = context.Render<NewContractPage>();
        create.WaitForElement("#create-contract", Wait);

        await create.ChooseAsync<Guid?>("contract-operator", operatorId);
        await create.ChooseManyAsync("contract-municipalities", arnhem, renkum);
        await FillAsync(create, "#contract-reference", "CON-ARN-REN-01");
        await FillAsync(create, "#contract-lot", "Perceel 1 Arnhem-Renkum");
        await FillAsync(create, "#new-starts", Typed(Today.AddDays(-30)));
        // Without an end date nothing is saved, and what was typed stays.
        await create.PressAsync("Contract vastleggen");
        create.WaitForAssertion(() => Assert.Equal("Vul de begin- en einddatum in.", create.Find("[data-testid=contract-problem]").TextContent.Trim()), Wait);
        Assert.Equal("CON-ARN-REN-01", create.Find("#contract-reference").GetAttribute("value"));
        await FillAsync(create, "#new-ends", Typed(Today.AddYears(8)));
        await create.PressAsync("Contract vastleggen");

        var address = await context.NavigatedToAsync(uri => Regex.IsMatch(uri, "/beheer/contracten/[0-9a-f-]{36}$"), Wait);
        var id = Guid.Parse(address[^36..]);
        var page = context.Render<ContractPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=contract-status]", Wait);
        Assert.Equal("Concept", page.Find("[data-testid=contract-status]").TextContent.Trim());
        Assert.Contains("Arnhem, Renkum", page.Find("[data-testid=contract-municipalities]").TextContent, StringComparison.Ordinal);
        Assert.Contains("penvoerder: Arnhem", page.Find("[data-testid=contract-municipalities]").TextContent, StringComparison.Ordinal);
        // The catalogue's 95 % and 98 % are the terms the contract starts with.
        Assert.Contains("minimaal 95 % per jaar", page.Find("[data-testid=contract-terms]").TextContent, StringComparison.Ordinal);

        // The requirements section reads the catalogue after the page's first render.
        page.WaitForAssertion(() => page.Select<string>("attach-section"), Wait);
        await page.ChooseAsync("attach-section", "elaad-2025|smart-charging-all");
        await page.PressAsync("Hoofdstuk koppelen");
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=contract-requirements] tbody tr").Count), Wait);
        // No evidence yet: a certificate is due from the start, connectivity from OCPI data is not measured yet.
        Assert.Contains("Bewijs verwacht", page.Find("[data-testid=state-SC-6]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Onbekend", page.Find("[data-testid=state-SC-5]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nog geen meting uit OCPI-gegevens.", page.Find("[data-testid=state-SC-5]").TextContent, StringComparison.Ordinal);

        page.PressAndWaitForDialog("Ondertekenen", dialogs);
        await dialogs.InvokeAsync(() => dialogs.Find("#sign-by").ChangeAsync(new ChangeEventArgs { Value = "J. Jansen, wethouder" }));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-sign]").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal("Van kracht", page.Find("[data-testid=contract-status]").TextContent.Trim()), Wait);
        Assert.StartsWith("Getekend op", page.Find("[data-testid=signature-1]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#sign-1"));
        Assert.Empty(page.FindAll("#attach-section-button"));
        var contract = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((ContractKind.Concession, "CON-ARN-REN-01", arnhem, operatorId), (contract.Kind, contract.Reference, contract.LeadMunicipalityId, contract.OperatorId));
        Assert.Equal(new[] { arnhem, renkum }.Order(), contract.MunicipalityIds.Order());
        Assert.Equal(8, contract.Versions.Single().Requirements.Count);
        Assert.Equal([ContractChangeKind.Created, ContractChangeKind.SectionAttached, ContractChangeKind.Signed], contract.History.OrderBy(h => h.Id).Select(h => h.Kind));
        Assert.Equal(3, page.FindAll("[data-testid=contract-history] tbody tr").Count);
    }

    [Fact]
    public async Task ACapTypedWithADecimalComma_IsReadAsTyped_AndShownInEuros()
    {
        var id = await RegionalConcessionAsync(app, "CON-CAPS-KOMMA");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        // The portal's own request culture: "nl", which has a decimal comma and, being neutral, no currency symbol of its own.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nl");
        var page = context.Render<ContractPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#edit-terms", Wait);

        await page.InvokeAsync(() => page.Find("#edit-terms").ClickAsync(new()));
        page.WaitForElement("#terms-cap-kwh", Wait);
        await page.InvokeAsync(() => page.Find("#terms-cap-kwh").ChangeAsync(new ChangeEventArgs { Value = "0,45" }));
        await page.InvokeAsync(() => page.Find("#save-terms").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains("€ 0,45", page.Find("[data-testid=tariff-caps]").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("¤", page.Find("[data-testid=tariff-caps]").TextContent, StringComparison.Ordinal);
        var contract = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(0.45m, contract.Versions.Single().Terms.TariffCaps.MaxPerKwh);
    }

    [Theory]
    [InlineData(EdeOfficer)]
    [InlineData(OtherCpo)]
    public async Task AnOfficerOfAnotherMunicipality_AndACpoUserOfAnotherOperator_AreShownNothing(string outsider)
    {
        await OutsidersAsync(app);
        var id = await RegionalConcessionAsync(app, $"BUITEN-{outsider.Length}-{outsider[0]}");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, outsider);
        context.RenderProviders();

        context.Navigation.NavigateTo($"/beheer/contracten/{id}");
        var page = context.Render<ContractPage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("[data-testid=contract-not-found]", Wait);
        Assert.DoesNotContain("BUITEN", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button"));
        context.Navigation.NavigateTo("/beheer/contracten");
        var list = context.Render<ContractsPage>();
        list.WaitForElement("[data-testid=contracts-empty]", Wait);
        Assert.Equal("0 contracten", list.Find("[data-testid=contract-count]").TextContent.Trim());
    }

    [Theory]
    [InlineData(DemoAccounts.Cpo)]
    [InlineData(RenkumOfficer)]
    [InlineData(DemoAccounts.Admin)]
    public async Task TheOperatorsCpoUser_AMemberWithoutTheLead_AndAnAdministrator_ReadWithoutEditing(string reader)
    {
        await OutsidersAsync(app);
        var id = await RegionalConcessionAsync(app, $"LEZEN-{reader.Length}-{reader[0]}");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, reader);
        context.RenderProviders();

        context.Navigation.NavigateTo($"/beheer/contracten/{id}");
        var page = context.Render<ContractPage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("[data-testid=read-only]", Wait);
        Assert.Contains("LEZEN-", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#sign-1, #amend-contract, #edit-terms, #add-penalty, #attach-section-button, #add-coverage-rule, #save-evse-record"));
        page.WaitForElement("[data-testid=no-requirements]", Wait);
    }

    [Fact]
    public async Task TheList_ShowsTheOfficersContracts_AndFiltersOnStatus()
    {
        var id = await RegionalConcessionAsync(app, "LIJST-PAGINA-1");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/contracten");

        var list = context.Render<ContractsPage>();

        list.WaitForAssertion(() => Assert.Contains(list.FindAll("a"), a => a.GetAttribute("href") == $"/beheer/contracten/{id}"), Wait);
        Assert.Contains("Concept", list.FindAll("[data-testid=contract-status]").Select(s => s.TextContent.Trim()));
        await list.ChooseAsync<ContractStatus?>("contract-status", ContractStatus.Ended);
        list.WaitForElement("[data-testid=contracts-empty]", Wait);
        Assert.Contains("status=Ended", context.Navigation.Uri, StringComparison.Ordinal);
    }
}
