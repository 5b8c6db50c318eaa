using Portal.Domain.Audits.IngestHealth;

namespace Portal.Domain.Tests.Audits;

public sealed class FindingUnmeasuredIngestTimeTests
{
    private static readonly Guid Connection = Guid.NewGuid();
    private static readonly DateTime Day = new(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(3);

    private static DateTime At(int hour, int minute = 0) => Day.AddHours(hour).AddMinutes(minute);

    private static IReadOnlyList<UnmeasuredInterval> Of(IEnumerable<IngestStretch> beats, IEnumerable<IngestFailureStretch>? failures = null, DateTime? asOf = null) =>
        UnmeasuredTime.Of(Connection, Day, Day.AddDays(1), asOf ?? Day.AddDays(2), Gap, beats, failures ?? []);

    [Fact]
    public void AGapLongerThanTheThreshold_IsPortalDown_AsAWhole_AShortOneIsNot()
    {
        // Beats 00:00-10:00, then 10:02-14:00 (2 min gap <= 3: up), then 14:10-24:00 (10 min gap > 3: down 14:00-14:10).
        var result = Of([new(At(0), At(10)), new(At(10, 2), At(14)), new(At(14, 10), At(24))]);

        var down = Assert.Single(result);
        Assert.Equal((At(14), At(14, 10), IngestOutageCause.PortalDown), (down.FromUtc, down.UntilUtc, down.Causes));
        Assert.Equal(TimeSpan.FromMinutes(10), down.Length);
    }

    [Fact]
    public void TwoNodes_CoverEachOthersGaps()
    {
        // Node A 00:00-12:00 and 13:00-24:00; node B 11:00-13:30: together no gap at all.
        Assert.Empty(Of([new(At(0), At(12)), new(At(13), At(24)), new(At(11), At(13, 30))]));
    }

    [Fact]
    public void AfterTheLastBeat_ThePortalIsDownUntilNow_OnlyWhenMoreThanTheGapPassed()
    {
        // Last beat at 09:00; read at 09:02 (2 min: the beat's rhythm) and at 09:30 (down 09:00-09:30, not beyond "now").
        Assert.Empty(Of([new(At(0), At(9))], asOf: At(9, 2)));
        var down = Assert.Single(Of([new(At(0), At(9))], asOf: At(9, 30)));
        Assert.Equal((At(9), At(9, 30)), (down.FromUtc, down.UntilUtc));
    }

    [Fact]
    public void BeforeTheFirstBeatEver_NothingIsUnmeasured()
    {
        // Recording began at 15:00: the morning is not "down" by this rule.
        Assert.Empty(Of([new(At(15), At(24))]));
        Assert.Empty(Of([]));
    }

    [Fact]
    public void FailuresOfThisConnection_AndOfNone_Count_OtherConnections_DoNot()
    {
        var failures = new IngestFailureStretch[]
        {
            new(Connection, IngestFailureKind.Pull, At(3), At(3, 5)),
            new(null, IngestFailureKind.Push, At(5), At(5, 1)),
            new(Guid.NewGuid(), IngestFailureKind.Pull, At(7), At(8)),
        };

        var result = Of([new(At(0), At(24))], failures);

        Assert.Equal([(At(3), At(3, 5), IngestOutageCause.PullFailed), (At(5), At(5, 1), IngestOutageCause.PushFailed)],
            result.Select(r => (r.FromUtc, r.UntilUtc, r.Causes)));
    }

    [Fact]
    public void OverlappingAndTouchingIntervals_AreMerged_WithTheirCauses()
    {
        // Down 10:00-10:20 (gap), a pull failing 10:15-10:30 overlaps it, a push failing 10:30-10:40 touches that:
        // one interval 10:00-10:40 = 40 min with all three causes. A pull failing 11:00-11:05 stays apart.
        var failures = new IngestFailureStretch[]
        {
            new(Connection, IngestFailureKind.Pull, At(10, 15), At(10, 30)),
            new(Connection, IngestFailureKind.Push, At(10, 30), At(10, 40)),
            new(Connection, IngestFailureKind.Pull, At(11), At(11, 5)),
        };

        var result = Of([new(At(0), At(10)), new(At(10, 20), At(24))], failures);

        Assert.Equal(2, result.Count);
        Assert.Equal((At(10), At(10, 40), IngestOutageCause.PortalDown | IngestOutageCause.PullFailed | IngestOutageCause.PushFailed),
            (result[0].FromUtc, result[0].UntilUtc, result[0].Causes));
        Assert.Equal(TimeSpan.FromMinutes(40), result[0].Length);
        Assert.Equal((At(11), At(11, 5)), (result[1].FromUtc, result[1].UntilUtc));
    }

    [Fact]
    public void Intervals_AreClippedToThePeriod()
    {
        // Down from 23:00 the day before until 01:00: only 00:00-01:00 (60 min) falls in the period.
        var result = Of([new(Day.AddHours(-30), At(-1)), new(At(1), At(24))]);
        var down = Assert.Single(result);
        Assert.Equal((Day, At(1)), (down.FromUtc, down.UntilUtc));
    }
}
