using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Audits.FieldChecks;

public sealed class DrawingAStratifiedSampleTests
{
    private static readonly StratumKey A = new("Alfa", "6811", PowerClasses.UpTo11.Code);
    private static readonly StratumKey B = new("Alfa", "6822", PowerClasses.UpTo11.Code);
    private static readonly StratumKey C = new("Beta", "6811", PowerClasses.Above50.Code);

    [Fact]
    public void SplitMix64_GivesThePublishedSequence_ForSeed1234567()
    {
        // The reference output of SplitMix64 for seed 1234567 (Vigna's splitmix64.c, also used to test other ports).
        var random = new SplitMix64(1234567);

        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => random.Next()).ToArray());
    }

    [Fact]
    public void Below_IsTheRemainder_OfAnAcceptedValue()
    {
        var random = new SplitMix64(1234567);

        // 6457827717110365317: digit sum 81, so mod 3 = 0; 2^64 mod 3 = 1, so only 2^64 - 1 would be drawn again.
        Assert.Equal(0UL, random.Below(3));
        // 3203168211198807973 is odd: mod 2 = 1.
        Assert.Equal(1UL, random.Below(2));
    }

    [Fact]
    public void Allocation_IsProportional_ByLargestRemainder()
    {
        // N = 5 + 3 + 2 = 10, n = 4: A 4×5/10 = 2 r0, B 4×3/10 = 1 r2, C 4×2/10 = 0 r8; one place left → C (largest remainder 8): 2, 1, 1.
        var allocation = StratifiedSampling.Allocate([(C, 2), (A, 5), (B, 3)], 4);

        Assert.Equal([(A, 5, 2), (B, 3, 1), (C, 2, 1)], allocation.Select(s => (s.Key, s.Size, s.Allocated)).ToArray());
    }

    [Fact]
    public void Allocation_GivesEveryStratumOne_WhenTheSizeAllows_TakingItFromTheLargest()
    {
        // N = 6 + 3 + 1 = 10, n = 5: A 30/10 = 3 r0, B 15/10 = 1 r5, C 5/10 = 0 r5; one place left, tie B/C → B (first in order): 3, 2, 0.
        // n = 5 ≥ 3 strata, so C takes one from the stratum with the most places (A): 2, 2, 1.
        var allocation = StratifiedSampling.Allocate([(A, 6), (B, 3), (C, 1)], 5);

        Assert.Equal([2, 2, 1], allocation.Select(s => s.Allocated).ToArray());
    }

    [Fact]
    public void Allocation_LeavesSmallStrataOut_WhenTheSizeIsBelowTheNumberOfStrata()
    {
        // N = 10, n = 2: A 16/10 = 1 r6, B 2/10 = 0 r2, C 0 r2; one left → A: 2, 0, 0 (2 < 3 strata: no minimum).
        var allocation = StratifiedSampling.Allocate([(A, 8), (B, 1), (C, 1)], 2);

        Assert.Equal([2, 0, 0], allocation.Select(s => s.Allocated).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StratifiedSampling.MaxSize + 1)]
    public void ASize_OutsideOneToTheMaximum_IsRefused(int size)
    {
        var e = Assert.Throws<DomainRuleViolated>(() => StratifiedSampling.Allocate([(A, 3)], size));

        Assert.Equal(DomainRule.FieldCheckSampleSize, e.Rule);
    }

    [Fact]
    public void AFixedSeed_DrawsTheHandCheckedSample()
    {
        // Strata in order: A {a1, a2, a3}, B {b1, b2}; n = 3, N = 5: A 9/5 = 1 r4, B 6/5 = 1 r1, one left → A: 2, 1.
        // Seed 1234567: A: i=0 Below(3) = 6457827717110365317 mod 3 = 0 → j = 0, a1; i=1 Below(2) = 3203168211198807973 mod 2 = 1
        // → j = 2, swap a2/a3, a3. B: i=0 Below(2) = 9817491932198370423 mod 2 = 1 → j = 1, b2.
        var population = new[] { Unit("b2", B), Unit("a3", A), Unit("b1", B), Unit("a1", A), Unit("a2", A) };

        var sample = StratifiedSampling.Draw(population, 3, 1234567);

        Assert.Equal(["a1", "a3", "b2"], sample.Units.Select(u => u.Key).ToArray());
        Assert.Equal((1234567UL, 3, 5), (sample.Seed, sample.Requested, sample.PopulationSize));
    }

    [Fact]
    public void TheSameSeedAndPopulation_GiveTheSameSample_WhateverOrderThePopulationCameIn()
    {
        var population = Population(60);
        var shuffled = population.OrderByDescending(u => u.Key, StringComparer.Ordinal).ToList();

        var first = StratifiedSampling.Draw(population, 12, 987654321);
        var again = StratifiedSampling.Draw(shuffled, 12, 987654321);
        var otherSeed = StratifiedSampling.Draw(population, 12, 987654322);

        Assert.Equal(first.Units, again.Units);
        Assert.Equal(12, first.Units.Count);
        Assert.NotEqual(first.Units.Select(u => u.Key), otherSeed.Units.Select(u => u.Key));
    }

    [Fact]
    public void APopulationSmallerThanTheSize_IsTakenWhole()
    {
        // 3 locations, size 10: n = min(10, 3) = 3, every stratum gets all its locations.
        var sample = StratifiedSampling.Draw([Unit("a1", A), Unit("b1", B), Unit("b2", B)], 10, 42);

        Assert.Equal(["a1", "b1", "b2"], sample.Units.Select(u => u.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([(A, 1, 1), (B, 2, 2)], sample.Strata.Select(s => (s.Key, s.Size, s.Allocated)).ToArray());
        Assert.Equal((10, 3), (sample.Requested, sample.PopulationSize));
    }

    [Fact]
    public void ALocationNamedTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => StratifiedSampling.Draw([Unit("a1", A), Unit("a1", B)], 1, 1));

    [Theory]
    [InlineData(new[] { 3700 }, "1-tot-11kW")]
    [InlineData(new[] { 11000, 7400 }, "1-tot-11kW")]
    [InlineData(new[] { 11040 }, "2-11-50kW")]
    [InlineData(new[] { 22000, 50000 }, "2-11-50kW")]
    [InlineData(new[] { 50001 }, "3-boven-50kW")]
    [InlineData(new[] { 11000, 150000 }, "3-boven-50kW")]
    [InlineData(new int[0], "4-onbekend")]
    public void ThePowerClass_IsThatOfTheStrongestConnector(int[] watts, string code) =>
        Assert.Equal(code, PowerClasses.Of(watts.Select(w => (int?)w)).Code);

    private static SampleUnit Unit(string key, StratumKey stratum) => new(key, stratum);

    private static List<SampleUnit> Population(int count) =>
        Enumerable.Range(1, count).Select(i => Unit($"NL*ABC*{i:000}", (i % 3) switch { 0 => A, 1 => B, _ => C })).ToList();
}
