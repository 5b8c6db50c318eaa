using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Uptime;

namespace Portal.Domain.Tests.Audits.Runs;

/// <summary>Availability per group and month from stored figures: weighted by measured time, the share meeting the threshold among rated EVSEs.</summary>
public sealed class FollowingAvailabilityOverTimeTests
{
    private static readonly DateOnly June = new(2026, 6, 1), July = new(2026, 7, 1);

    private static IEvseUptimeFigures Figures(long s, long u, long d, long x, UptimeVerdict verdict = UptimeVerdict.Pass)
    {
        var denominator = s - u - x;
        decimal? availability = verdict == UptimeVerdict.InsufficientExposure || denominator == 0 ? null : (decimal)(s - u - d) / denominator;
        return new EvseUptimeFigures(new UptimeSeconds(s, s, u, u, d, x, 0, 0), availability, 1m, verdict, UptimeVerdict.Pass, 0.95m, 0.98m);
    }

    [Fact]
    public void EachGroupAndMonth_IsOnePoint_WeightedByMeasuredTime_InGroupThenMonthOrder()
    {
        var points = AvailabilityTrend.Of(
        [
            ("B", June, Figures(100, 0, 0, 0, UptimeVerdict.InsufficientExposure)),
            ("A", July, Figures(1000, 200, 100, 50, UptimeVerdict.Fail)),
            ("A", June, Figures(1000, 0, 100, 0, UptimeVerdict.Fail)),
            ("A", June, Figures(3000, 0, 0, 0)),
        ]);

        Assert.Equal([("A", June), ("A", July), ("B", June)], points.Select(p => (p.Group, p.Month)));
        // A in June: (4,000 - 0 - 100) / (4,000 - 0 - 0) = 3,900 / 4,000 = 0.975, not the mean of 0.9 and 1.0 (0.95);
        // one of the two rated EVSEs (the one at 1.0) meets 0.95: 1 / 2.
        Assert.Equal((2, 0.975m, 0.5m), (points[0].Evses, points[0].TimeWeightedAvailability, points[0].ShareMeetingThreshold));
        // A in July: (1,000 - 200 - 100) / (1,000 - 200 - 50) = 700 / 750 = 0.9333…; 0.9333 < 0.95, so none of one meets it.
        Assert.Equal(700m / 750m, points[1].TimeWeightedAvailability);
        Assert.Equal(0m, points[1].ShareMeetingThreshold);
        // B in June: its only EVSE has too little exposure to be rated: its time counts (100 / 100 = 1), no share.
        Assert.Equal((1, 1m, (decimal?)null), (points[2].Evses, points[2].TimeWeightedAvailability, points[2].ShareMeetingThreshold));
    }

    [Fact]
    public void NoFigures_GiveNoPoints()
    {
        Assert.Empty(AvailabilityTrend.Of([]));
    }
}
