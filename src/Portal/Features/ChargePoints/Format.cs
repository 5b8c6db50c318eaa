using System.Globalization;

namespace Portal.Features.ChargePoints;

/// <summary>How numbers about charging read on a page, in the request's culture.</summary>
internal static class Format
{
    public static string Power(int? watts) =>
        watts is { } w ? (w / 1000.0).ToString("0.#", CultureInfo.CurrentCulture) + " kW" : "–";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Date(DateTime? utc) =>
        utc is { } value ? value.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) : "–";
}
