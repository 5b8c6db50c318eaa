using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Municipalities;
using Portal.Domain.Requirements;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: a regional concession of Arnhem (lead) and Duiven with the demo operator, signed more than a year ago,
/// with tariff caps, a smart-charging duty, a penalty, the ElaadNL smart-charging section and a few other
/// requirements attached, and evidence in every state: accepted, accepted but expiring within 60 days, accepted and
/// expired (recorded as a finding, as the daily job does), pending and rejected. The caps are below the simulated
/// CPO's tariffs, so where that CPO runs the daily check finds them too. Every step goes through the aggregates; seeds
/// once (the reference is the mark).
/// </summary>
internal sealed class DemoContract(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IRequirementCatalogue catalogue,
    DocumentStore documents,
    TimeProvider clock,
    ILogger<DemoContract> logger)
{
    public const string Reference = "CON-2025-ARN-DUI-01";
    public const string DemoCpo = "cpo@demo.example";
    public const string LotName = "Perceel 2: Arnhem en Duiven";
    public const string SecondMunicipalityCode = "GM0226";
    public const string SecondMunicipalityName = "Duiven";

    /// <summary>The requirements attached beside the ElaadNL smart-charging section.</summary>
    public static readonly RequirementKey[] AlsoAttached =
    [
        new("elaad-2025", "G-2"), new("elaad-2025", "G-4"), new("scr-por-2016", "POR-5"), new("scr-por-2016", "POR-14"),
    ];

    public const string SmartChargingSet = "elaad-2025", SmartChargingSection = "smart-charging-all";

    /// <summary>The caps in the terms: € 0.45 per kWh, no start fee, € 0.02 per idle minute, all including VAT.</summary>
    public static readonly TariffCaps Caps = new() { MaxPerKwh = 0.45m, MaxStartFee = 0m, MaxIdlePerMinute = 0.02m, IncludeVat = true };

    public async Task SeedAsync(Guid leadMunicipalityId, Guid operatorId, CancellationToken ct = default)
    {
        if (await db.Contracts.AnyAsync(c => c.Reference == Reference, ct))
            return;
        var officerUser = await users.FindByEmailAsync(DemoApplications.DemoOfficer);
        var cpoUser = await users.FindByEmailAsync(DemoCpo);
        if (officerUser is null || cpoUser is null)
            return;
        var officer = new ContractActor(officerUser.Id, officerUser.DisplayName);
        var cpo = new ContractActor(cpoUser.Id, cpoUser.DisplayName);
        var renkum = await EnsureSecondMunicipalityAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var startsOn = today.AddDays(-420);
        DateTime At(int daysAgo, int hour) => DutchCalendar.Utc(today.AddDays(-daysAgo), new TimeOnly(hour, 0));

        var registration = new ContractRegistration(ContractKind.Concession, operatorId, [leadMunicipalityId, renkum], leadMunicipalityId,
            Reference, LotName, ApplicationsHandledBy.Operator);
        var period = new ContractPeriod(startsOn, startsOn.AddYears(8).AddDays(-1), new ExtensionOption { Count = 2, YearsEach = 2 }, 600, startsOn.AddYears(3));
        var current = await catalogue.CurrentAsync(ct);
        var contract = Contract.Draft(registration, period, ContractTerms.Defaults(current), officer, At(440, 9));
        var version = contract.Versions.Single();
        contract.ChangeTerms(version.Id, version.Terms with
        {
            MaxResponseHours = 4,
            MaxRepairHours = 48,
            TariffCaps = Caps,
            SmartCharging = new SmartChargingObligation { Required = true, PowerCapKw = 4m, OnGridOperatorRequest = true },
            MaxInstallationWeeks = 26,
        }, officer, At(440, 10));
        contract.AddPenalty(version.Id, ContractTerm.Availability, 250m, "Per laadpunt per kwartaal waarin de beschikbaarheid onder 95 % blijft.", officer, At(440, 11));
        contract.AttachSection(version.Id, SmartChargingSet, SmartChargingSection, current.Requirements, officer, At(439, 9));
        foreach (var key in AlsoAttached)
        {
            if (current.Find(key) is { } requirement)
                contract.AttachRequirement(version.Id, requirement, officer, At(439, 10));
        }
        contract.Sign(version.Id, startsOn.AddDays(-1), "M. de Vries, wethouder Arnhem; R. Bakker, directeur operator", officer, At(421, 15));
        db.Contracts.Add(contract);

        // Evidence from the operator, each step on its own day; the officer decides some days later.
        var accepted = await EvidenceAsync(contract, cpo, "SC-9", "OCPP 2.0.1-certificaat Alfen Eve Double Pro-line", "DEKRA Testing and Certification", "OCPP 2.0.1",
            today.AddDays(-330), today.AddDays(400), uploadedDaysAgo: 320, ct);
        accepted.Accept("Certificaat van een door de Open Charge Alliance erkend testlab; alle vier modules.", officer, At(316, 11));
        var expiring = await EvidenceAsync(contract, cpo, "SC-6", "IEC 62443-4-2-certificaat laadpaalsoftware", "TÜV Rheinland", "IEC 62443-4-2",
            today.AddDays(-690), today.AddDays(45), uploadedDaysAgo: 400, ct);
        expiring.Accept(null, officer, At(398, 14));
        var expired = await EvidenceAsync(contract, cpo, "SC-8", "Conformiteitsrapport ISO 15118-2 snelladers", "CharIN-testlab Kiwa", "ISO 15118-2:2014",
            today.AddDays(-740), today.AddDays(-12), uploadedDaysAgo: 390, ct);
        expired.Accept(null, officer, At(388, 10));
        var pending = await EvidenceAsync(contract, cpo, "SC-7", "Typekeuring IEC 61851-1 Alfen Eve", "Kiwa", "IEC 61851-1:2017",
            today.AddDays(-20), today.AddDays(1075), uploadedDaysAgo: 3, ct);
        var rejected = await EvidenceAsync(contract, cpo, "SC-11", "Verklaring OpenADR-koppeling", "Vattenfall InCharge", "OpenADR 2.0b",
            today.AddDays(-60), today.AddDays(670), uploadedDaysAgo: 40, ct);
        rejected.Reject("Het certificaat van de testpartij ontbreekt; alleen een eigen verklaring is niet genoeg. Graag het OpenADR-certificaat van de back office.", officer, At(37, 10));

        // What the daily job records on the day evidence expires: the finding, and the reminders it passed over.
        var expiredOn = expired.ExpiresOn!.Value;
        var expiredAt = DutchCalendar.Utc(expiredOn, new TimeOnly(4, 0));
        expired.RecordExpiryStep(EvidenceExpiryStep.Expired, expiredOn, expiredAt);
        db.Add(ContractFinding.EvidenceExpired(expired, expiredOn, expiredAt));

        db.AddRange(accepted, expiring, expired, pending, rejected);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: contract {Reference} with {Requirements} requirements and 5 pieces of evidence", Reference, version.Requirements.Count);
    }

    private async Task<Guid> EnsureSecondMunicipalityAsync(CancellationToken ct)
    {
        var code = MunicipalityCode.Parse(SecondMunicipalityCode);
        if (await db.Municipalities.Where(m => m.Code == code).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct) is { } id)
            return id;
        var municipality = Municipality.Register(code, SecondMunicipalityName, clock.GetUtcNow().UtcDateTime);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(ct);
        return municipality.Id;
    }

    private async Task<SubmittedEvidence> EvidenceAsync(Contract contract, ContractActor cpo, string code, string title, string issuer, string standard,
        DateOnly issuedOn, DateOnly expiresOn, int uploadedDaysAgo, CancellationToken ct)
    {
        var pdf = Pdf(title);
        using var content = new MemoryStream(pdf);
        var stored = await documents.SaveAsync(content, SubmittedEvidence.MaxSizeBytes, ct);
        var kind = code == "SC-11" ? EvidenceKind.Declaration : EvidenceKind.Certificate;
        var details = new EvidenceDetails(kind, title, issuer, standard, issuedOn, expiresOn, [], "Alfen Eve Double Pro-line");
        var file = new EvidenceFile($"{code.ToLowerInvariant()}-bewijs.pdf", stored.ContentType, stored.SizeBytes, stored.Key);
        var uploadedAt = DutchCalendar.Utc(DutchCalendar.Day(clock.GetUtcNow().UtcDateTime).AddDays(-uploadedDaysAgo), new TimeOnly(13, 0));
        return SubmittedEvidence.Submit(contract.Id, contract.OperatorId, new RequirementKey(SmartChargingSet, code), details, file, cpo, uploadedAt);
    }

    /// <summary>A one-page placeholder PDF naming the evidence, so the download link opens something.</summary>
    private static byte[] Pdf(string title)
    {
        var text = $"Demobestand - {new string(title.Where(c => c < 128 && c is not '(' and not ')' and not '\\').ToArray())}";
        var stream = $"BT /F1 14 Tf 72 760 Td ({text}) Tj ET";
        return Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
            string.Create(CultureInfo.InvariantCulture, $"4 0 obj<</Length {stream.Length}>>stream\n{stream}\nendstream endobj\n") +
            "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    }
}
