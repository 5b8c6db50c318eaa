using Portal.Domain.Applications;
using Portal.Features.Assessment;

namespace Portal.Tests.Assessment;

public sealed class OfficerStatisticsTests
{
    [Theory]
    [InlineData(new double[] { 30, 10, 20 }, 20.0)]            // odd count: the middle one after sorting
    [InlineData(new double[] { 10, 2, 40, 4 }, 7.0)]           // even count: (4 + 10) / 2
    [InlineData(new double[] { 12.25 }, 12.3)]                 // one decimal, half away from zero
    public void Median_IsTheMiddleValue(double[] days, double expected) =>
        Assert.Equal(expected, QueueQueries.Median(days));

    [Fact]
    public void Median_OfNothing_IsUnknown() => Assert.Null(QueueQueries.Median([]));

    [Theory]
    [InlineData(49, false, 7)]     // submitted 49 days ago: 56 - 49 = 7 days left, near
    [InlineData(48, false, 8)]     // 8 days left: not near yet
    [InlineData(57, true, -1)]     // the day after the last day: overdue, not "near"
    public void Deadline_IsNearWithinAWeek(int daysAgo, bool overdue, int daysLeft)
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var deadline = QueueDeadline.From(DecisionDeadline.For(now.AddDays(-daysAgo), DecisionDeadlineSettings.Default), now);

        Assert.Equal(daysLeft, deadline.DaysLeft);
        Assert.Equal(overdue, deadline.IsOverdue);
        Assert.Equal(!overdue && daysLeft <= 7, deadline.IsNear);
    }
}
