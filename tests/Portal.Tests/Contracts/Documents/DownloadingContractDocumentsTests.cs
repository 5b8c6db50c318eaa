using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts.Documents;
using Portal.Features.Contracts.Documents;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.Documents.ContractDocumentsTesting;

namespace Portal.Tests.Contracts.Documents;

/// <summary>A contract document's file over HTTP: who gets it, and that everyone else learns nothing of it.</summary>
public sealed class DownloadingContractDocumentsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string OtherCpoPassword = "Andere-Operator-2026!";

    private async Task OtherCpoCanLogInAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
        if (!await users.HasPasswordAsync(account))
            Assert.True((await users.AddPasswordAsync(account, OtherCpoPassword)).Succeeded);
    }

    private static Uri Address(Guid contractId, Guid documentId) => new($"/beheer/contracten/{contractId}/documenten/{documentId}", UriKind.Relative);

    [Fact]
    public async Task AMemberOfficer_AndTheOperatorsCpoUser_Download_WhileAnotherOperator_AnotherMunicipality_AndRandomIds_GetNotFound()
    {
        await ContractTestSetup.OutsidersAsync(app);
        await OtherCpoCanLogInAsync();
        var id = await ContractTestSetup.RegionalConcessionAsync(app, "DOC-HTTP-1");
        var documentId = await UploadAsync(app, id, ContractDocumentKind.SignedContract, "Concessieovereenkomst", await FirstVersionAsync(app, id));

        // Renkum is a member of the regional contract, not its lead; the CPO user is of the contract's operator.
        foreach (var reader in new[] { ContractTestSetup.RenkumOfficer, DemoAccounts.Cpo, DemoAccounts.Admin, DemoAccounts.Officer })
        {
            using var client = await app.LogInAsAsync(reader);
            var response = await client.Http.GetAsync(Address(id, documentId));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader}: {response.StatusCode}");
            Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("concessie.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        }

        using var otherOperator = await app.LogInAsAsync(ContractTestSetup.OtherCpo, OtherCpoPassword);
        using var otherMunicipality = await app.LogInAsAsync(ContractTestSetup.EdeOfficer);
        using var member = await app.LogInAsAsync(ContractTestSetup.RenkumOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOperator.Http.GetAsync(Address(id, documentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherMunicipality.Http.GetAsync(Address(id, documentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(Address(id, Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(Address(Guid.NewGuid(), documentId))).StatusCode);
        // Nor do they see the list, and only the lead's officers add to it.
        Assert.Null(await app.CallAsync(ContractTestSetup.OtherCpo, (ContractDocumentQueries q, System.Security.Claims.ClaimsPrincipal u) => q.OverviewAsync(u, id)));
        Assert.Null(await app.CallAsync(ContractTestSetup.EdeOfficer, (ContractDocumentQueries q, System.Security.Claims.ClaimsPrincipal u) => q.OverviewAsync(u, id)));
        var memberView = await app.CallAsync(ContractTestSetup.RenkumOfficer, (ContractDocumentQueries q, System.Security.Claims.ClaimsPrincipal u) => q.OverviewAsync(u, id));
        Assert.False(memberView!.CanEdit);
        await using var pdf = new MemoryStream(Pdf);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.CallAsync(ContractTestSetup.RenkumOfficer, (ContractDocumentService s, System.Security.Claims.ClaimsPrincipal u) =>
            s.UploadAsync(u, id, new ContractDocumentUpload(ContractDocumentKind.Annex, "Bijlage", null, "b.pdf"), pdf)));
    }

    [Fact]
    public async Task ARemovedDocument_IsNoLongerListedOrDownloadable_AndItsFileIsGone()
    {
        var id = await ContractTestSetup.RegionalConcessionAsync(app, "DOC-HTTP-2");
        var documentId = await UploadAsync(app, id, ContractDocumentKind.Annex, "Bijlage tarieven", await FirstVersionAsync(app, id));
        var key = await app.QueryAsync(db => db.Set<ContractDocument>().Where(d => d.Id == documentId).Select(d => d.StorageKey).SingleAsync());

        var removed = await app.CallAsync(DemoAccounts.Officer, (ContractDocumentService s, System.Security.Claims.ClaimsPrincipal u) => s.RemoveAsync(u, id, documentId, "Dubbel"));

        Assert.Null(removed.Problem);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync(Address(id, documentId))).StatusCode);
        var overview = await app.CallAsync(DemoAccounts.Officer, (ContractDocumentQueries q, System.Security.Claims.ClaimsPrincipal u) => q.OverviewAsync(u, id));
        Assert.Empty(overview!.Documents);
        Assert.Null(app.App.Services.GetRequiredService<DocumentStore>().OpenRead(key));
    }
}
