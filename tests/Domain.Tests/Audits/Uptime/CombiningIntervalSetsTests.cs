using Portal.Domain.Audits.Uptime;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class CombiningIntervalSetsTests
{
    private static readonly IntervalSet A = IntervalSet.Union([(10, 20), (30, 40)]);
    private static readonly IntervalSet B = IntervalSet.Union([(15, 35)]);

    [Fact]
    public void Union_MergesOverlappingAndAdjacentIntervals()
    {
        Assert.Equal([(0L, 20L), (25L, 30L)], IntervalSet.Union([(25, 30), (10, 20), (0, 10), (12, 14)]).Intervals);
    }

    [Fact]
    public void SetOperations_WorkInOnePass()
    {
        Assert.Equal([(10L, 40L)], A.Union(B).Intervals);
        Assert.Equal([(15L, 20L), (30L, 35L)], A.Intersect(B).Intervals);   // 5 + 5 = 10 s
        Assert.Equal([(10L, 15L), (35L, 40L)], A.Except(B).Intervals);
        Assert.Equal(10, A.Intersect(B).Length);
    }

    [Fact]
    public void ClipAndTakeFirst_CutInTimeOrder()
    {
        Assert.Equal([(18L, 20L), (30L, 32L)], A.Clip(18, 32).Intervals);
        Assert.Equal([(10L, 20L), (30L, 33L)], A.TakeFirst(13).Intervals);  // 10 s from the first, 3 from the second
        Assert.True(A.Contains(10));
        Assert.False(A.Contains(20));                                      // half-open
    }
}
