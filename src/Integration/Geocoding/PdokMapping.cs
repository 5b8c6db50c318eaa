using System.Globalization;

namespace Portal.Integration.Geocoding;

internal static class PdokMapping
{
    public static AddressSuggestion? ToSuggestion(PdokDocument doc) =>
        string.IsNullOrWhiteSpace(doc.Id) || string.IsNullOrWhiteSpace(doc.Weergavenaam)
            ? null
            : new AddressSuggestion(doc.Id, doc.Weergavenaam, doc.Type ?? "");

    /// <summary>Null when the document lacks what every address has (id, label, a readable centroid).</summary>
    public static AddressLocation? ToLocation(PdokDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Id) || string.IsNullOrWhiteSpace(doc.Weergavenaam))
            return null;
        if (!TryParseWktPoint(doc.CentroideLl, out var longitude, out var latitude))
            return null;
        return new AddressLocation(
            doc.Id,
            doc.Weergavenaam,
            latitude,
            longitude,
            Blank(doc.Postcode),
            Blank(doc.HuisNlt) ?? doc.Huisnummer?.ToString(CultureInfo.InvariantCulture),
            Blank(doc.Straatnaam),
            Blank(doc.Woonplaatsnaam),
            MunicipalityCode(doc.Gemeentecode),
            Blank(doc.Gemeentenaam));
    }

    /// <summary>PDOK gives the bare CBS number ("0202"); the rest of the portal uses "GM0202".</summary>
    public static string? MunicipalityCode(string? gemeentecode)
    {
        var code = gemeentecode?.Trim() ?? "";
        if (code.StartsWith("GM", StringComparison.OrdinalIgnoreCase))
            code = code[2..];
        return code.Length is >= 1 and <= 4 && code.All(char.IsAsciiDigit) ? "GM" + code.PadLeft(4, '0') : null;
    }

    /// <summary>Reads "POINT(lon lat)" in WGS84 degrees, whatever the current culture.</summary>
    public static bool TryParseWktPoint(string? wkt, out double longitude, out double latitude)
    {
        longitude = latitude = double.NaN;
        var text = wkt.AsSpan().Trim();
        if (!text.StartsWith("POINT", StringComparison.OrdinalIgnoreCase))
            return false;
        text = text[5..].Trim();
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
            return false;
        text = text[1..^1].Trim();

        var space = text.IndexOfAny(' ', '\t');
        if (space < 0)
            return false;
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(text[..space], style, CultureInfo.InvariantCulture, out longitude)
            && double.TryParse(text[(space + 1)..].Trim(), style, CultureInfo.InvariantCulture, out latitude)
            && longitude is >= -180 and <= 180
            && latitude is >= -90 and <= 90;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
