using System.Text.RegularExpressions;

namespace Portal.Domain.Audits.Usage;

/// <summary>
/// The district a location is reported under: the portal has no districts, so its 4-digit postcode area (PC4), as
/// the installation board does. Null when the location has no usable postcode.
/// </summary>
public static partial class UsageDistrict
{
    public static string? Of(string? postalCode) =>
        postalCode?.Trim() is { Length: >= 4 } code && Pc4().IsMatch(code[..4]) ? code[..4] : null;

    [GeneratedRegex(@"^[1-9][0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pc4();
}
