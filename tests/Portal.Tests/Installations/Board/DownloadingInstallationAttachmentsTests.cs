using System.Net;
using Portal.Domain.Installations;
using Portal.Features.Installations;
using Portal.Features.Installations.CasePage;
using Portal.Tests.Admin;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Installations.Board;

/// <summary>A step's photo over HTTP: who gets it, that others learn nothing of it, and that a file that is no photo by its bytes is refused.</summary>
public sealed class DownloadingInstallationAttachmentsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static Uri Address(Guid caseId, Guid attachmentId) => new($"/beheer/installaties/{caseId}/bijlagen/{attachmentId}", UriKind.Relative);

    private async Task<InstallationStepResult> AttachAsync(string email, Guid caseId, byte[] bytes, string name)
    {
        await using var content = new MemoryStream(bytes);
        return await app.CallAsync(email, (InstallationAttachmentService s, System.Security.Claims.ClaimsPrincipal u) => s.AttachAsync(u, caseId, InstallationStep.ChargePointPlaced, name, content));
    }

    [Fact]
    public async Task TheCasesReaders_Download_WhileAnotherOperator_AnotherMunicipality_AndRandomIds_GetNotFound()
    {
        await app.OutsidersAsync();
        var id = await app.OpenedCaseAsync("Downloadlaan 1, 6819 AA Arnhem", 0.0401);
        Assert.Null((await AttachAsync(DemoAccounts.Cpo, id, InstallationBoardTesting.Png, "paal.png")).Problem);
        var attachmentId = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.InstallationAttachments.Where(a => a.CaseId == id).Select(a => a.Id)));

        foreach (var reader in new[] { DemoAccounts.Cpo, DemoAccounts.Officer, DemoAccounts.Admin })
        {
            using var client = await app.LogInAsAsync(reader);
            var response = await client.Http.GetAsync(Address(id, attachmentId));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader}: {response.StatusCode}");
            Assert.Equal(InstallationBoardTesting.Png, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        using var otherOperator = await app.LogInAsAsync(ContractTestSetup.OtherCpo, InstallationBoardTesting.OtherCpoPassword);
        using var otherMunicipality = await app.LogInAsAsync(ContractTestSetup.EdeOfficer);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOperator.Http.GetAsync(Address(id, attachmentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherMunicipality.Http.GetAsync(Address(id, attachmentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync(Address(id, Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync(Address(Guid.NewGuid(), attachmentId))).StatusCode);
        // Nor may they add to it.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AttachAsync(ContractTestSetup.OtherCpo, id, InstallationBoardTesting.Png, "ook.png"));
    }

    [Fact]
    public async Task AFileNamedPngThatIsNoImageByItsBytes_IsRefusedInDutch_AndNothingIsKept()
    {
        var id = await app.OpenedCaseAsync("Downloadlaan 3, 6819 AB Arnhem", 0.0402);

        var refused = await AttachAsync(DemoAccounts.Cpo, id, "geen foto"u8.ToArray(), "paal.png");

        Assert.Equal("Kies een pdf-, png- of jpg-bestand.", refused.Problem);
        Assert.False(await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.InstallationAttachments.Where(a => a.CaseId == id))));
    }
}
