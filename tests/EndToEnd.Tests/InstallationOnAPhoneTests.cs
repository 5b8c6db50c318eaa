using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Integration.Persistence;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The CPO's planner on a phone (390 x 844): opens an installation case Arnhem assigned to the demo operator, accepts it
/// and reports the checked location proposal with a photo, which then shows on the step. The board and the case page
/// pass axe.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class InstallationOnAPhoneTests(PortalServer portal)
{
    private const string Cpo = "cpo@demo.example";
    private static readonly LocatorAssertionsToHaveTextOptions Step = new() { Timeout = 30_000 };

    /// <summary>A small real PNG: its signature and an IHDR chunk.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    [Fact]
    public async Task ACpoUser_OnAPhone_AcceptsACase_AndReportsAStepWithAPhoto()
    {
        var id = await ReadyCaseAsync();
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await Journey.LogInAsync(page, Cpo, PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/installaties");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=board-case]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/beheer/installaties/{id}");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#case-accept")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#case-accept").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=step-AcceptedByCpo] [data-testid=step-done]")).ToContainTextAsync("Gedaan op", new() { Timeout = 30_000 });

        await page.Locator("#case-report").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("#report-comment")).ToBeVisibleAsync();
        await dialog.Locator("#report-comment").FillAsync("Verkeer, groen en kabels akkoord");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "locatie.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(dialog.Locator("[data-testid=report-chosen-files]")).ToContainTextAsync("locatie.png");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.Locator("[data-testid=report-submit]").ClickAsync();

        var step = page.Locator("[data-testid=step-LocationProposalChecked]");
        await Assertions.Expect(step.Locator("[data-testid=step-attachment]")).ToHaveTextAsync("locatie.png", Step);
        await Assertions.Expect(step.Locator("[data-testid=step-comment]")).ToHaveTextAsync("Verkeer, groen en kabels akkoord");
        var attachments = portal.Read(db => db.InstallationAttachments.Where(a => a.CaseId == id).Select(a => a.FileName).ToList());
        Assert.Equal(["locatie.png"], attachments);
        await page.Context.CloseAsync();
    }

    /// <summary>A spot of Arnhem whose traffic order became final, and a case for it assigned to the demo operator.</summary>
    private Task<Guid> ReadyCaseAsync() => portal.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var arnhem = await db.Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
        var cpo = await db.Operators.Where(o => o.Name == "Vattenfall InCharge").Select(o => o.Id).SingleAsync();
        var officer = await db.Users.Where(u => u.Email == "ambtenaar@demo.example").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var now = DateTime.UtcNow;
        var (latitude, longitude) = portal.AChargeLocation();
        var actor = new SpotActor(officer.Id, officer.DisplayName);
        var spot = Spot.Create(arnhem, Coordinate.FromWgs84(latitude + 0.0007, longitude), new SpotDetails("Telefoonstraat 3, 6821 AB Arnhem", 2, SpotSetUp.OnPavement, null, null, null, null), actor, now);
        spot.ChangeStatus(SpotStatus.Approved, actor, now, null);
        spot.FollowOrderPublished("VB-E2E-TEL", actor, now);
        spot.FollowOrderFinal("VB-E2E-TEL", actor, now);
        db.Spots.Add(spot);
        var installation = InstallationCase.Open(arnhem, "IN-E2E-TEL-1", InstallationCaseKind.NewChargePoint, spot.Id, cpo, null, new InstallationActor(officer.Id, officer.DisplayName), now);
        db.InstallationCases.Add(installation);
        await db.SaveChangesAsync();
        return installation.Id;
    });
}
