using System.Globalization;
using System.Text;
using Portal.Integration.Audits.Reports;

namespace Portal.Integration.Tests.Audits.Reports;

/// <summary>Dutch words for the PDF written here, so the report's layout is tested without the portal's resources.</summary>
internal static class AuditReportTestTexts
{
    public static readonly AuditReportTexts Dutch = new()
    {
        Culture = CultureInfo.GetCultureInfo("nl-NL"),
        Title = "Auditrapport beschikbaarheid",
        Municipality = "Gemeente",
        Contract = "Contract",
        Lot = "Perceel",
        Cpo = "CPO",
        Kind = "Soort",
        Period = "Periode",
        PeriodRange = "{0} t/m {1}",
        Version = "Versie",
        Status = "Status",
        SignedBy = "Ondertekend door",
        MetricVersion = "Metriek",
        Thresholds = "Normen",
        ThresholdsValue = "beschikbaarheid {0}, connectiviteit {1}",
        ComputedAt = "Berekend op",
        Fingerprint = "Vingerafdruk invoer",
        KindName = k => k.ToString(),
        StatusName = s => s == AuditReportStatus.Signed ? "ondertekend" : "voorlopig",
        VerdictName = v => v.ToString(),
        MethodHeading = "Methode",
        Method = "Metriek {0}; normen {1} en {2}.{3}",
        ExogenousDamageCounted = " Schade door derden telt mee.",
        AggregatesHeading = "Netwerk en locaties",
        AggregateColumns = ["Netwerk of locatie", "EVSE's", "Beschikbaarheid", "Aandeel norm", "p5", "p50", "Connectiviteit"],
        Network = "Netwerk",
        EvsesHeading = "Per laadpunt",
        EvseColumns = ["Laadpunt", "Locatie", "Connectoren", "S (min)", "U", "D", "X", "A", "C", "NEVI", "Dekking", "Oordeel", "Storingen"],
        EvsesEmpty = "Geen laadpunten.",
        OutagesHeading = "Storingen",
        OutageColumns = ["Laadpunt", "Begin", "Einde", "Duur (min)", "Uitgesloten", "Claim", "Reden", "Statusverloop"],
        OutagesEmpty = "Geen storingen.",
        Footer = "Vingerafdruk {0}, pagina {1} van {2}",
    };

    /// <summary>The CSV's lines without the byte order mark, split into cells (none of the tested cells is quoted).</summary>
    public static List<string[]> CsvRows(byte[] csv)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        return [.. Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';'))];
    }
}
