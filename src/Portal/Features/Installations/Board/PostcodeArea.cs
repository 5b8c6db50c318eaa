using System.Text.RegularExpressions;

namespace Portal.Features.Installations.Board;

/// <summary>
/// The 4-digit postcode area (PC4) of a spot, which the board calls its district: spots have no district of their own.
/// Read from a postcode in the spot's address ("Velperweg 12, 6824 BM Arnhem"), else from the application the spot
/// was made for; null when neither names one.
/// </summary>
internal static partial class PostcodeArea
{
    public static string? Of(string? address, string? applicationPostcode = null)
    {
        if (address is not null && Postcode().Match(address) is { Success: true } found)
            return found.Groups[1].Value;
        return applicationPostcode?.Trim() is { Length: >= 4 } postcode && Pc4().IsMatch(postcode[..4]) ? postcode[..4] : null;
    }

    [GeneratedRegex(@"\b([1-9][0-9]{3}) ?[A-Za-z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^[1-9][0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pc4();
}
