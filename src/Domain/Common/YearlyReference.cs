using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// A municipality's references numbered per year, such as "VB-2026-0007" for a traffic order: a code, the Dutch
/// year, and four digits that go on from the highest number given that year (a gap stays a gap).
/// </summary>
public static class YearlyReference
{
    /// <summary>"VB-2026-": what every reference of that code and year starts with.</summary>
    public static string Prefix(string code, int year) => string.Create(CultureInfo.InvariantCulture, $"{code}-{year}-");

    /// <summary>The next reference after <paramref name="taken"/>, the references already given with this prefix; anything after the prefix that is not a number counts as 0.</summary>
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var highest = taken
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{highest + 1:D4}");
    }
}
