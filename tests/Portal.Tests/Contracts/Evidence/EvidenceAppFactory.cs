using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;

namespace Portal.Tests.Contracts.Evidence;

/// <summary>The portal with a fake clock (the expiry round reads it) and no scheduler (tests run the job by hand), able to pull from fake CPOs.</summary>
public sealed class EvidenceAppFactory : OcpiPullAppFactory
{
    public static readonly RequirementKey Certificate = new("elaad-2025", "SC-6");

    public FakeClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:Enabled"] = "false" };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>
    /// A concession of Arnhem with <paramref name="operatorId"/> (the demo operator when null), recorded by Arnhem's demo
    /// officer, running from 30 days ago, with SC-6 (a certificate) attached and the given caps, signed.
    /// </summary>
    internal async Task<(Guid Id, Guid VersionId)> SignedContractAsync(string reference, Guid? operatorId = null, TariffCaps? caps = null)
    {
        var today = Domain.Common.DutchCalendar.Day(Clock.GetUtcNow().UtcDateTime);
        var arnhem = await Applications.OfficerTestData.ArnhemAsync(this);
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = operatorId ?? await ContractTestSetup.DemoOperatorAsync(this),
            MunicipalityIds = [arnhem],
            LeadMunicipalityId = arnhem,
            Reference = reference,
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm { StartsOn = today.AddDays(-30).ToDateTime(TimeOnly.MinValue), EndsOn = today.AddYears(8).ToDateTime(TimeOnly.MinValue) },
        };
        var created = await Contract<ContractStep>((s, u) => s.CreateAsync(u, form));
        Assert.Null(created.Problem);
        var id = created.Id!.Value;
        var contract = (await Contract((s, u) => s.FindAsync(u, id)))!;
        var versionId = contract.Versions.Single().Id;
        Assert.Null((await Contract((s, u) => s.AttachRequirementAsync(u, id, versionId, Certificate))).Problem);
        if (caps is not null)
            Assert.Null((await Contract((s, u) => s.ChangeTermsAsync(u, id, versionId, contract.Versions.Single().Terms with { TariffCaps = caps }))).Problem);
        Assert.Null((await Contract((s, u) => s.SignAsync(u, id, versionId, today.AddDays(-31), "Wethouder"))).Problem);
        return (id, versionId);
    }

    internal Task<T> Contract<T>(Func<ContractService, ClaimsPrincipal, Task<T>> call) => this.CallAsync(DemoAccounts.Officer, call);

    internal Task<T> EvidenceAs<T>(string email, Func<EvidenceService, ClaimsPrincipal, Task<T>> call) => this.CallAsync(email, call);

    internal Task<T> QueryEvidenceAs<T>(string email, Func<EvidenceQueries, ClaimsPrincipal, Task<T>> call) => this.CallAsync(email, call);

    /// <summary>The demo CPO user uploads a PDF certificate for SC-6, valid from <paramref name="issued"/> up to <paramref name="expires"/>.</summary>
    internal async Task<Guid> UploadCertificateAsync(Guid contractId, DateOnly issued, DateOnly expires, string title = "OCPP 2.0.1 certificaat")
    {
        await using var pdf = new MemoryStream("%PDF-1.7\n% test certificate\n"u8.ToArray());
        var upload = new EvidenceUpload(Certificate, EvidenceKind.Certificate, title, "Open Charge Alliance", "OCPP 2.0.1", issued, expires, null, "Alfen Eve", "certificaat.pdf");
        var result = await EvidenceAs(DemoAccounts.Cpo, (s, u) => s.UploadAsync(u, contractId, upload, pdf));
        Assert.Null(result.Problem);
        return result.EvidenceId!.Value;
    }
}
