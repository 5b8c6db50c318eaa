using Portal.Domain.Common;

namespace Portal.Domain.Audits.FieldChecks;

/// <summary>
/// The stratum of a location in a field audit sample: its operator (CPO), its district (the portal has no districts:
/// the 4-digit postcode area, PC4, as on the installation board; empty when unknown) and its power class. Strata are
/// ordered by these three, each compared by ordinal (character code) order.
/// </summary>
public sealed record StratumKey(string Cpo, string District, string PowerClass) : IComparable<StratumKey>
{
    public int CompareTo(StratumKey? other)
    {
        if (other is null)
            return 1;
        var cpo = string.CompareOrdinal(Cpo, other.Cpo);
        if (cpo != 0)
            return cpo;
        var district = string.CompareOrdinal(District, other.District);
        return district != 0 ? district : string.CompareOrdinal(PowerClass, other.PowerClass);
    }
}

/// <summary>One location of the population: a key that is unique and stable for it (its OCPI key CC*PARTY*ID, or its source id) and its stratum.</summary>
public sealed record SampleUnit(string Key, StratumKey Stratum);

/// <summary>A stratum with the number of locations it has and the number the sample takes from it.</summary>
public sealed record StratumAllocation(StratumKey Key, int Size, int Allocated);

/// <summary>A drawn sample: the seed, the size asked, the population's size, every stratum with its allocation, and the locations in draw order.</summary>
public sealed record DrawnSample(ulong Seed, int Requested, int PopulationSize, IReadOnlyList<StratumAllocation> Strata, IReadOnlyList<SampleUnit> Units);

/// <summary>
/// Draws a stratified sample of locations for a field audit (ElaadNL G-4), so that the same seed and population give
/// the same sample anywhere:
/// <list type="number">
/// <item>The population is put in canonical order: by <see cref="SampleUnit.Key"/>, ordinal. Strata are taken in
/// <see cref="StratumKey"/> order.</item>
/// <item>The size n is at most the population's size N. Allocation is proportional to stratum size, rounded by the
/// largest remainder (Hamilton): each stratum h first gets floor(n × N_h / N); the places left go one each to the
/// strata with the largest remainder (n × N_h mod N), ties to the stratum first in order.</item>
/// <item>When n is at least the number of non-empty strata, every stratum gets at least one: a stratum left at 0 (in
/// stratum order) takes one place from the stratum with the most places (ties: the one last in order).</item>
/// <item>One <see cref="SplitMix64"/> stream, seeded with the seed, draws in each stratum in turn (stratum order) by a
/// partial Fisher-Yates shuffle of its locations in key order: for i = 0 … k-1, j = i + Below(N_h - i), swap i and j;
/// the first k are drawn, in that order.</item>
/// </list>
/// </summary>
public static class StratifiedSampling
{
    public const int MaxSize = 500;

    /// <summary>The allocation of <paramref name="size"/> places over the strata (see the class); strata in key order, empty ones left out.</summary>
    public static IReadOnlyList<StratumAllocation> Allocate(IEnumerable<(StratumKey Key, int Size)> strata, int size)
    {
        ArgumentNullException.ThrowIfNull(strata);
        if (size < 1 || size > MaxSize)
            throw new DomainRuleViolated(DomainRule.FieldCheckSampleSize, $"A sample has 1 to {MaxSize} locations.", MaxSize);
        var ordered = strata.Where(s => s.Size > 0).OrderBy(s => s.Key).ToList();
        if (ordered.Select(s => s.Key).Distinct().Count() != ordered.Count)
            throw new ArgumentException("A stratum is named twice.", nameof(strata));
        long total = ordered.Sum(s => (long)s.Size);
        if (total == 0)
            return [];
        var n = (int)Math.Min(size, total);
        var places = ordered.Select(s => (int)(n * (long)s.Size / total)).ToArray();
        var remainders = ordered.Select(s => n * (long)s.Size % total).ToArray();
        var left = n - places.Sum();
        foreach (var index in Enumerable.Range(0, ordered.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
            places[index]++;
        if (n >= ordered.Count)
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                if (places[i] > 0)
                    continue;
                var donor = Enumerable.Range(0, ordered.Count).OrderByDescending(d => places[d]).ThenByDescending(d => d).First();
                places[donor]--;
                places[i] = 1;
            }
        }
        return ordered.Select((s, i) => new StratumAllocation(s.Key, s.Size, places[i])).ToList();
    }

    /// <summary>Draws the sample (see the class). A population smaller than the size is taken whole.</summary>
    public static DrawnSample Draw(IEnumerable<SampleUnit> population, int size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        var units = population.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        for (var i = 1; i < units.Count; i++)
        {
            if (units[i].Key == units[i - 1].Key)
                throw new ArgumentException($"The location {units[i].Key} is in the population twice.", nameof(population));
        }
        var byStratum = units.GroupBy(u => u.Stratum).ToDictionary(g => g.Key, g => g.ToList());
        var allocation = Allocate(byStratum.Select(g => (g.Key, g.Value.Count)), size);
        var random = new SplitMix64(seed);
        var drawn = new List<SampleUnit>();
        foreach (var stratum in allocation)
        {
            var members = byStratum[stratum.Key];
            for (var i = 0; i < stratum.Allocated; i++)
            {
                var j = i + (int)random.Below((ulong)(members.Count - i));
                (members[i], members[j]) = (members[j], members[i]);
                drawn.Add(members[i]);
            }
        }
        return new DrawnSample(seed, size, units.Count, allocation, drawn);
    }
}
