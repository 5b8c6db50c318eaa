using Portal.Domain.ChargePoints;
using static Portal.Domain.ChargePoints.EvseStatus;

namespace Portal.Domain.Tests.ChargePoints;

public sealed class SummarisingLocationStatusTests
{
    [Theory]
    [InlineData(LocationStatus.Available, Available)]
    [InlineData(LocationStatus.Available, Charging, Available, OutOfOrder)]
    [InlineData(LocationStatus.Occupied, Charging, Charging)]
    [InlineData(LocationStatus.Occupied, Charging, OutOfOrder)]
    [InlineData(LocationStatus.Occupied, Reserved)]
    [InlineData(LocationStatus.Occupied, Blocked, Inoperative)]
    [InlineData(LocationStatus.Unavailable, OutOfOrder, Inoperative)]
    [InlineData(LocationStatus.Unavailable, OutOfOrder, Unknown)]
    [InlineData(LocationStatus.Unavailable, Planned)]
    [InlineData(LocationStatus.Unknown, Unknown, Unknown)]
    [InlineData(LocationStatus.Unknown, Removed, Removed)]
    [InlineData(LocationStatus.Available, Removed, Available)]
    [InlineData(LocationStatus.Unavailable, Removed, OutOfOrder)]
    public void EvseStatuses_SummariseAsExpected(LocationStatus expected, params EvseStatus[] evses) =>
        Assert.Equal(expected, LocationStatusRule.Summarise(evses));

    [Fact]
    public void NoEvsesAtAll_IsUnknown() =>
        Assert.Equal(LocationStatus.Unknown, LocationStatusRule.Summarise([]));
}
