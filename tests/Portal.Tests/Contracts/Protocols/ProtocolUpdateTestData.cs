using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Integration.Requirements;
using Portal.Tests.Contracts.Evidence;
using Portal.Tests.Infrastructure;
using Portal.Tests.Requirements;

namespace Portal.Tests.Contracts.Protocols;

/// <summary>Contracts with the catalogue's protocol update requirement, certifications and evidence, all through the portal's own services.</summary>
internal static class ProtocolUpdateTestData
{
    public static readonly RequirementKey UpdateRequirement = new("elaad-2025", "G-3");

    /// <summary>SC-9 names "OCPP 2.0.1 (IEC 63584:2024)": with it attached, OCPP is a required protocol.</summary>
    public static readonly RequirementKey OcppRequirement = new("elaad-2025", "SC-9");

    public static DateOnly Today(this EvidenceAppFactory app) => DutchCalendar.Day(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A concession of Arnhem with the demo operator, from <paramref name="startedDaysAgo"/> days ago, with G-3 and SC-9 attached, signed.</summary>
    public static async Task<Guid> ContractWithUpdatesAsync(this EvidenceAppFactory app, string reference, int startedDaysAgo)
    {
        var today = app.Today();
        var arnhem = await Applications.OfficerTestData.ArnhemAsync(app);
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = await ContractTestSetup.DemoOperatorAsync(app),
            MunicipalityIds = [arnhem],
            LeadMunicipalityId = arnhem,
            Reference = reference,
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm { StartsOn = today.AddDays(-startedDaysAgo).ToDateTime(TimeOnly.MinValue), EndsOn = today.AddYears(8).ToDateTime(TimeOnly.MinValue) },
        };
        var created = await app.Contract<ContractStep>((s, u) => s.CreateAsync(u, form));
        Assert.Null(created.Problem);
        var id = created.Id!.Value;
        var versionId = (await app.Contract((s, u) => s.FindAsync(u, id)))!.Versions.Single().Id;
        Assert.Null((await app.Contract((s, u) => s.AttachRequirementAsync(u, id, versionId, UpdateRequirement))).Problem);
        Assert.Null((await app.Contract((s, u) => s.AttachRequirementAsync(u, id, versionId, OcppRequirement))).Problem);
        Assert.Null((await app.Contract((s, u) => s.SignAsync(u, id, versionId, today.AddDays(-startedDaysAgo - 1), "Wethouder"))).Problem);
        return id;
    }

    public static Task CertifyAsync(this EvidenceAppFactory app, string protocol, string version, ProtocolUpdateKind kind, DateOnly availableOn) =>
        app.InScopeAsync(s => s.GetRequiredService<ProtocolCertificationRegister>().RecordAsync(protocol, version, kind, availableOn, "OCA-aankondiging", "admin-id", "Beheerder Test"));

    /// <summary>The demo CPO user gives a certificate for G-3 naming <paramref name="standard"/>; the demo officer accepts or rejects it.</summary>
    public static async Task<Guid> GiveEvidenceAsync(this EvidenceAppFactory app, Guid contractId, string standard, bool accept)
    {
        var today = app.Today();
        await using var pdf = new MemoryStream("%PDF-1.7\n% protocol certificate\n"u8.ToArray());
        var upload = new EvidenceUpload(UpdateRequirement, EvidenceKind.Certificate, $"Certificaat {standard}", "Open Charge Alliance", standard,
            today.AddDays(-1), today.AddYears(3), null, null, "certificaat.pdf");
        var given = await app.EvidenceAs(DemoAccounts.Cpo, (s, u) => s.UploadAsync(u, contractId, upload, pdf));
        Assert.Null(given.Problem);
        var decided = await app.EvidenceAs(DemoAccounts.Officer, (s, u) => s.DecideAsync(u, contractId, given.EvidenceId!.Value, accept, accept ? null : "Noemt de verkeerde versie"));
        Assert.Null(decided.Problem);
        return given.EvidenceId!.Value;
    }
}
