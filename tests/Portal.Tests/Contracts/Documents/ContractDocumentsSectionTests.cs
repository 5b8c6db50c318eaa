using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Extensions;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Documents;
using Portal.Features.Contracts.Documents;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.Documents.ContractDocumentsTesting;

namespace Portal.Tests.Contracts.Documents;

/// <summary>The contract page's documents section in bUnit over the real portal and its database.</summary>
public sealed class ContractDocumentsSectionTests : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = AdminSteps.Wait;
    private readonly PortalAppFactory app;

    public ContractDocumentsSectionTests(PortalAppFactory app)
    {
        this.app = app;
        Spots.SpotPageTesting.ReadInDutch();
    }

    private static IRenderedComponent<ContractDocumentsSection> Open(BackOfficeContext context, Guid id, string waitFor)
    {
        var section = context.Render<ContractDocumentsSection>(p => p.Add(x => x.ContractId, id));
        section.WaitForElement(waitFor, Wait);
        return section;
    }

    private Task<List<ContractChange>> HistoryAsync(Guid id) =>
        app.QueryAsync(db => db.Set<ContractChange>().AsNoTracking().Where(c => c.ContractId == id).OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task TheLeadOfficer_Uploads_AWrongFileIsRefusedWithTheFormKept_ThenRemovesTheDocumentAfterConfirming_AndTheHistoryKeepsBoth()
    {
        var id = await ContractTestSetup.RegionalConcessionAsync(app, "DOC-SECTIE-1");
        var versionId = await FirstVersionAsync(app, id);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var section = Open(context, id, "[data-testid=no-documents]");
        Assert.Equal("Bij dit contract zijn nog geen documenten opgeslagen.", section.Find("[data-testid=no-documents]").TextContent.Trim());

        section.PressAndWaitForDialog("Document toevoegen", dialogs);
        await dialogs.ChooseAsync<ContractDocumentKind>("document-kind", ContractDocumentKind.Annex);
        await dialogs.TypeAsync("#document-title", "Bijlage 1: locatielijst");
        await dialogs.ChooseAsync<Guid>("document-version", versionId);
        // A text file is refused by its name before it is sent; one named .pdf that is not a PDF by its bytes on the server.
        foreach (var (content, name) in new[] { ("een lijst"u8.ToArray(), "bijlage.txt"), ("een lijst"u8.ToArray(), "bijlage.pdf") })
        {
            dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name));
            dialogs.WaitForAssertion(() => Assert.Contains(name, dialogs.Find("[data-testid=document-chosen-file]").TextContent, StringComparison.Ordinal), Wait);
            await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=document-submit]").ClickAsync(new()));
            dialogs.WaitForAssertion(() => Assert.Equal("Kies een pdf-, png- of jpg-bestand.", dialogs.Find("[data-testid=document-problem]").TextContent.Trim()), Wait);
            Assert.Equal("Bijlage 1: locatielijst", dialogs.Find("#document-title").GetAttribute("value"));
            Assert.Equal(ContractDocumentKind.Annex, dialogs.Select<ContractDocumentKind>("document-kind").Instance.GetState(x => x.Value));
            Assert.Equal(versionId, dialogs.Select<Guid>("document-version").Instance.GetState(x => x.Value));
        }
        Assert.False(await app.QueryAsync(db => db.Set<ContractDocument>().AnyAsync(d => d.ContractId == id)));

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Pdf, "bijlage-1.pdf", contentType: "application/pdf"));
        dialogs.WaitForAssertion(() => Assert.Contains("bijlage-1.pdf", dialogs.Find("[data-testid=document-chosen-file]").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=document-submit]").ClickAsync(new()));

        section.WaitForAssertion(() => Assert.Equal("Bijlage 1: locatielijst", section.Find("[data-testid=document-title]").TextContent.Trim()), Wait);
        var row = section.Find("[data-testid=document-list] tbody tr").TextContent;
        Assert.Contains("Bijlage", row, StringComparison.Ordinal);
        Assert.Contains("Versie 1", row, StringComparison.Ordinal);
        Assert.Contains("1 kB", row, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Set<ContractDocument>().AsNoTracking().SingleAsync(d => d.ContractId == id));
        Assert.Equal(("bijlage-1.pdf", "application/pdf", (long)Pdf.Length, (int?)1), (stored.FileName, stored.ContentType, stored.SizeBytes, stored.VersionNumber));
        Assert.Equal($"/beheer/contracten/{id}/documenten/{stored.Id}", section.Find("[data-testid=document-list] a").GetAttribute("href"));

        // Removing asks first, and needs a reason.
        section.PressAndWaitForDialog("Verwijderen", dialogs);
        Assert.Contains("‘Bijlage 1: locatielijst’", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-removal]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Equal("Zeg waarom het document wordt verwijderd.", dialogs.Find("[data-testid=removal-problem]").TextContent.Trim()), Wait);
        await dialogs.TypeAsync("#document-removal-reason", "Verkeerde lijst geüpload");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-removal]").ClickAsync(new()));

        section.WaitForElement("[data-testid=no-documents]", Wait);
        var removed = await app.QueryAsync(db => db.Set<ContractDocument>().AsNoTracking().SingleAsync(d => d.ContractId == id));
        Assert.Equal(("Verkeerde lijst geüpload", "Olaf Ambtenaar"), (removed.RemovalReason, removed.RemovedByName));
        var history = await HistoryAsync(id);
        Assert.Equal([ContractChangeKind.Created, ContractChangeKind.DocumentAdded, ContractChangeKind.DocumentRemoved], history.Select(h => h.Kind));
        Assert.Equal("Annex Bijlage 1: locatielijst: Verkeerde lijst geüpload", history[^1].Detail);
    }

    [Fact]
    public async Task ADocumentOfASignedVersion_HasNoRemoveButton_AndIsRefusedRemoval_AndTheCpoUserReadsWithoutEditButtons()
    {
        var id = await ContractTestSetup.RegionalConcessionAsync(app, "DOC-SECTIE-2");
        var versionId = await FirstVersionAsync(app, id);
        var signedDocument = await UploadAsync(app, id, ContractDocumentKind.SignedContract, "Concessieovereenkomst", versionId);
        await SignFirstVersionAsync(app, id);
        var general = await UploadAsync(app, id, ContractDocumentKind.Other, "Brief aan de raad", null);

        var refused = await app.CallAsync(DemoAccounts.Officer, (ContractDocumentService s, System.Security.Claims.ClaimsPrincipal u) => s.RemoveAsync(u, id, signedDocument, "Nieuwe scan"));
        Assert.Equal("Dit document hoort bij de ondertekende versie 1 en kan niet worden verwijderd; stel een wijziging op met eigen documenten.", refused.Problem);
        Assert.False(await app.QueryAsync(db => db.Set<ContractDocument>().Where(d => d.Id == signedDocument).Select(d => d.RemovedAtUtc != null).SingleAsync()));

        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer))
        {
            var section = Open(context, id, "[data-testid=document-list]");
            // By version, the contract as a whole after: the signed contract first.
            Assert.Equal(["Concessieovereenkomst", "Brief aan de raad"], section.FindAll("[data-testid=document-title]").Select(t => t.TextContent.Trim()));
            Assert.Equal("Vast met versie 1", section.Find("[data-testid=document-frozen]").TextContent.Trim());
            // Only the letter, which belongs to no version, can be removed.
            Assert.Single(section.FindAll("button"), b => b.TextContent.Trim() == "Verwijderen");
            Assert.Equal("Brief aan de raad verwijderen", section.FindAll("button").Single(b => b.TextContent.Trim() == "Verwijderen").GetAttribute("aria-label"));
        }

        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo))
        {
            var section = Open(context, id, "[data-testid=document-list]");
            Assert.Equal(2, section.FindAll("[data-testid=document-title]").Count);
            Assert.Equal(2, section.FindAll("a").Count(a => a.GetAttribute("href")?.Contains("/documenten/", StringComparison.Ordinal) == true));
            Assert.DoesNotContain(section.FindAll("button"), b => b.TextContent.Trim() is "Document toevoegen" or "Verwijderen");
            Assert.Empty(section.FindAll("[data-testid=document-frozen]"));
        }
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.CallAsync(DemoAccounts.Cpo, (ContractDocumentService s, System.Security.Claims.ClaimsPrincipal u) => s.RemoveAsync(u, id, general, "Weg ermee")));
    }
}
