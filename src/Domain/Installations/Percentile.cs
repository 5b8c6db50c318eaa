namespace Portal.Domain.Installations;

/// <summary>
/// Percentiles by linear interpolation between the two nearest ranks (the "inclusive" method of spreadsheets,
/// PERCENTILE.INC, and R's type 7): for n sorted values and fraction p, h = (n - 1) p, and the value lies at
/// fraction h - floor(h) between the values at floor(h) and floor(h) + 1 (counted from 0).
/// </summary>
public static class Percentile
{
    public static double? Of(IEnumerable<double> values, double fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (fraction is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), "A percentile is a fraction from 0 to 1.");
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var h = (sorted.Length - 1) * fraction;
        var below = (int)Math.Floor(h);
        return below + 1 < sorted.Length ? sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }

    /// <summary>The same rule on exact decimals (availability fractions, where a double would blur the threshold).</summary>
    public static decimal? Of(IEnumerable<decimal> values, decimal fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (fraction is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), "A percentile is a fraction from 0 to 1.");
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var h = (sorted.Length - 1) * fraction;
        var below = (int)decimal.Floor(h);
        return below + 1 < sorted.Length ? sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }
}
