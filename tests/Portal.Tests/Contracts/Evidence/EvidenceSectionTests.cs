using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Features.Contracts.Evidence;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts.Evidence;

/// <summary>The contract page's evidence section in bUnit over the real portal: the CPO uploads in the dialog, the officer accepts.</summary>
public sealed class EvidenceSectionTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private static IRenderedComponent<ContractEvidenceSection> Open(BackOfficeContext context, Guid id)
    {
        var section = context.Render<ContractEvidenceSection>(p => p.Add(x => x.ContractId, id));
        section.WaitForElement("[data-testid=no-findings]", AdminSteps.Wait);
        return section;
    }

    [Fact]
    public async Task TheCpoUploads_ABadFileIsRefusedWithTheFormKept_ThenThePdfIsTaken_AndTheOfficerAcceptsIt()
    {
        var (id, _) = await app.SignedContractAsync("SECTIE-1");
        var today = DutchCalendar.Day(app.Clock.GetUtcNow().UtcDateTime);

        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo))
        {
            var dialogs = context.RenderProviders();
            var section = Open(context, id);
            Assert.Equal("Er is nog geen bewijs gegeven.", section.Find("[data-testid=no-evidence]").TextContent.Trim());

            section.PressAndWaitForDialog("Bewijs uploaden", dialogs);
            await dialogs.TypeAsync("#evidence-title", "OCPP 2.0.1 certificaat");
            await dialogs.TypeAsync("#evidence-issuer", "Open Charge Alliance");
            await dialogs.TypeAsync("#evidence-standard", "OCPP 2.0.1");
            var dates = dialogs.FindComponents<MudDatePicker>();
            await dialogs.InvokeAsync(() => dates[0].Instance.DateChanged.InvokeAsync(today.AddDays(-5).ToDateTime(TimeOnly.MinValue)));
            await dialogs.InvokeAsync(() => dates[1].Instance.DateChanged.InvokeAsync(today.AddYears(3).ToDateTime(TimeOnly.MinValue)));
            dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("not a certificate", "certificaat.txt"));
            dialogs.WaitForAssertion(() => Assert.Contains("certificaat.txt", dialogs.Find("[data-testid=evidence-chosen-file]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
            await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=evidence-submit]").ClickAsync(new()));

            dialogs.WaitForAssertion(() => Assert.Equal("Kies een pdf-, png- of jpg-bestand.", dialogs.Find("[data-testid=evidence-problem]").TextContent.Trim()), AdminSteps.Wait);
            Assert.Equal("OCPP 2.0.1 certificaat", dialogs.Find("#evidence-title").GetAttribute("value"));
            Assert.Equal("Open Charge Alliance", dialogs.Find("#evidence-issuer").GetAttribute("value"));

            dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("%PDF-1.7\n%certificate\n"u8.ToArray(), "certificaat.pdf", contentType: "application/pdf"));
            dialogs.WaitForAssertion(() => Assert.Contains("certificaat.pdf", dialogs.Find("[data-testid=evidence-chosen-file]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
            await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=evidence-submit]").ClickAsync(new()));

            section.WaitForAssertion(() => Assert.Equal("Wacht op beoordeling", section.Find("[data-testid=evidence-status]").TextContent.Trim()), AdminSteps.Wait);
            Assert.Equal("OCPP 2.0.1 certificaat", section.Find("[data-testid=evidence-title]").TextContent.Trim());
            Assert.DoesNotContain(section.FindAll("button"), b => b.TextContent.Trim() == "Goedkeuren");
        }

        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer))
        {
            var dialogs = context.RenderProviders();
            var section = Open(context, id);
            Assert.DoesNotContain(section.FindAll("button"), b => b.TextContent.Trim() == "Bewijs uploaden");

            section.PressAndWaitForDialog("Goedkeuren", dialogs);
            await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-decision]").ClickAsync(new()));

            section.WaitForAssertion(() => Assert.Equal("Goedgekeurd", section.Find("[data-testid=evidence-status]").TextContent.Trim()), AdminSteps.Wait);
            var history = section.Find("[data-testid=evidence-history]").TextContent;
            Assert.Contains("Geüpload", history, StringComparison.Ordinal);
            Assert.Contains("Goedgekeurd", history, StringComparison.Ordinal);
        }
    }
}
