using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Components.Shared;

/// <summary>How numbers about charging read on a page, in the request's culture.</summary>
internal static class Format
{
    public static string Power(int? watts) =>
        watts is { } w ? (w / 1000.0).ToString("0.#", CultureInfo.CurrentCulture) + " kW" : "–";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>An amount in euros in the reader's culture, at least to the cent: "€ 0,45", "€ 1.250,00", "€ 0,0125". Not "C": the neutral "nl" culture has no currency and writes "¤".</summary>
    public static string Euro(decimal amount) => "€ " + amount.ToString("#,##0.00##", CultureInfo.CurrentCulture);

    /// <summary>The name drivers know a connector standard by; the OCPI code for the rare ones.</summary>
    public static string ConnectorStandard(string ocpi) => ocpi switch
    {
        "IEC_62196_T2" => "Type 2",
        "IEC_62196_T2_COMBO" => "CCS (Combo 2)",
        "IEC_62196_T1" => "Type 1",
        "IEC_62196_T1_COMBO" => "CCS (Combo 1)",
        "CHADEMO" => "CHAdeMO",
        "DOMESTIC_F" => "Schuko",
        "TESLA_S" => "Tesla",
        _ => ocpi,
    };

    /// <summary>A moment as Dutch clocks showed it, whatever time zone the server runs in.</summary>
    public static string DateTime(DateTime utc) =>
        DutchCalendar.LocalTime(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>
    /// The Dutch calendar day of a moment: 23:30 UTC on 1 March is already 2 March in Arnhem. A day kept
    /// as UTC midnight (a deadline's last day) stays the same day, as Dutch time is ahead of UTC.
    /// </summary>
    public static string Date(DateTime? utc) =>
        utc is { } value
            ? DutchCalendar.LocalTime(value).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
            : "–";

    /// <summary>A calendar day, such as the last day of a term.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A calendar month, such as "februari 2026".</summary>
    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A share in percent with at most two decimals, such as "97,5 %".</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";
}
