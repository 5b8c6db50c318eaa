using System.Numerics;

namespace Portal.Domain.Installations;

/// <summary>
/// Percentiles by linear interpolation between the two nearest ranks (the "inclusive" method of spreadsheets,
/// PERCENTILE.INC, and R's type 7): for n sorted values and fraction p, h = (n - 1) p, and the value lies at
/// fraction h - floor(h) between the values at floor(h) and floor(h) + 1 (counted from 0). On doubles for lead
/// times, on exact decimals for availability fractions (where a double would blur the threshold).
/// </summary>
public static class Percentile
{
    public static T? Of<T>(IEnumerable<T> values, T fraction)
        where T : struct, IFloatingPoint<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        if (fraction < T.Zero || fraction > T.One)
            throw new ArgumentOutOfRangeException(nameof(fraction), "A percentile is a fraction from 0 to 1.");
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var h = T.CreateChecked(sorted.Length - 1) * fraction;
        var below = int.CreateTruncating(T.Floor(h));
        return below + 1 < sorted.Length ? sorted[below] + ((h - T.CreateChecked(below)) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }
}
