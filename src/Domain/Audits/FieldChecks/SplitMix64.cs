namespace Portal.Domain.Audits.FieldChecks;

/// <summary>
/// The portal's own random number generator for field audit samples: SplitMix64 (Steele, Lea and Flood, "Fast
/// splittable pseudorandom number generators", 2014; the form Vigna publishes beside xoshiro). It is defined here, in
/// a few lines, so a sample drawn with a seed is the same on any machine and any .NET version, and anyone can redraw
/// it by hand or in another language. Not for secrets.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64-bit value: the state steps by the golden-ratio constant, the result is the state mixed.</summary>
    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A whole number from 0 up to <paramref name="bound"/> (exclusive), without bias: a value from the top part of the
    /// 64-bit range that does not fill a whole multiple of the bound (2^64 mod bound values) is drawn again, then the
    /// remainder after dividing by the bound is taken.
    /// </summary>
    public ulong Below(ulong bound)
    {
        if (bound == 0)
            throw new ArgumentOutOfRangeException(nameof(bound), "The bound is at least 1.");
        var leftOver = (ulong.MaxValue % bound + 1) % bound; // 2^64 mod bound
        while (true)
        {
            var x = Next();
            if (x <= ulong.MaxValue - leftOver)
                return x % bound;
        }
    }
}
