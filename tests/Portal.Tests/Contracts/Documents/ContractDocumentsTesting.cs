using Portal.Domain.Contracts.Documents;
using Portal.Features.Contracts.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts.Documents;

/// <summary>Steps the contract-document tests share, each through the portal's own services.</summary>
internal static class ContractDocumentsTesting
{
    public static readonly byte[] Pdf = "%PDF-1.7\n% signed concession\n"u8.ToArray();

    /// <summary>The contract's first version (the draft the test data creates).</summary>
    public static async Task<Guid> FirstVersionAsync(PortalAppFactory app, Guid contractId) =>
        (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, contractId)))!.Versions.Single(v => v.Number == 1).Id;

    /// <summary>Arnhem's demo officer (of the lead municipality) adds a PDF to the contract.</summary>
    public static async Task<Guid> UploadAsync(PortalAppFactory app, Guid contractId, ContractDocumentKind kind, string title, Guid? versionId)
    {
        await using var content = new MemoryStream(Pdf);
        var result = await app.CallAsync(DemoAccounts.Officer, (ContractDocumentService s, System.Security.Claims.ClaimsPrincipal u) =>
            s.UploadAsync(u, contractId, new ContractDocumentUpload(kind, title, versionId, "concessie.pdf"), content));
        Assert.Null(result.Problem);
        return result.DocumentId!.Value;
    }

    /// <summary>Signs the first version, as Arnhem's demo officer, a day before today.</summary>
    public static async Task SignFirstVersionAsync(PortalAppFactory app, Guid contractId)
    {
        var versionId = await FirstVersionAsync(app, contractId);
        var step = await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SignAsync(u, contractId, versionId, ContractTestSetup.Today.AddDays(-1), "Wethouder"));
        Assert.Null(step.Problem);
    }
}
