using Portal.Domain.Contracts;
using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Contracts;

internal static class ContractTestData
{
    public static readonly ContractActor Officer = new("officer-1", "Anna de Vries");
    public static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    public static readonly Guid Arnhem = Guid.Parse("00000000-0000-0000-0000-000000000202");
    public static readonly Guid Renkum = Guid.Parse("00000000-0000-0000-0000-000000000274");
    public static readonly Guid Operator = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    public static ContractRegistration Regional(string reference = "CON-2026-01") =>
        new(ContractKind.Concession, Operator, [Arnhem, Renkum], Arnhem, reference, "Perceel 1 Arnhem-Renkum", ApplicationsHandledBy.Operator);

    public static ContractPeriod Period(DateOnly starts, DateOnly ends) => new(starts, ends, ExtensionOption.None, 400, new DateOnly(2028, 12, 31));

    /// <summary>A concession for 1 April 2026 to 31 March 2034, with the seed's default terms.</summary>
    public static Contract DraftContract() =>
        Contract.Draft(Regional(), Period(new DateOnly(2026, 4, 1), new DateOnly(2034, 3, 31)), new ContractTerms(), Officer, Now);

    public static Requirement Requirement(string set, string code, string section, VerificationKind verification, params RequirementThreshold[] thresholds) =>
        new(new RequirementKey(set, code), 1, section, "heading", "summary", [], [], [], thresholds, verification, "how", [], null);

    public static RequirementThreshold Threshold(string metric, string limit, decimal value) =>
        new(metric, new Dictionary<string, decimal> { [limit] = value }, new Dictionary<string, string>());

    /// <summary>SC-5: backend connectivity at least 98 % per month, checked from OCPI data.</summary>
    public static Requirement Connectivity => Requirement("elaad-2025", "SC-5", "smart-charging-all", VerificationKind.OcpiData, Threshold("backend_connectivity", "min_percent", 98));

    /// <summary>POR-5: at most 13.8 kW per charge point.</summary>
    public static Requirement MaxPower => Requirement("scr-por-2016", "POR-5", "hardware", VerificationKind.OcpiData, Threshold("max_power_per_charge_point", "max_kw", 13.8m));

    /// <summary>SC-6: an OCPP certificate.</summary>
    public static Requirement Certificate => Requirement("elaad-2025", "SC-6", "smart-charging-all", VerificationKind.Certificate);
}
