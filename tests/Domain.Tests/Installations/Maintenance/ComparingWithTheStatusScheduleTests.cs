using Portal.Domain.Installations.Maintenance;

namespace Portal.Domain.Tests.Installations.Maintenance;

public sealed class ComparingWithTheStatusScheduleTests
{
    // The window: 15 December 2026 08:00 to 12:00 UTC.
    private static readonly DateTime Start = new(2026, 12, 15, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(4);

    private static ScheduleMatchOutcome Compare(params ScheduledStatus[] schedule) => StatusScheduleMatch.Compare(Start, End, schedule);

    [Fact]
    public void AnInoperativeEntryCoveringTheWindow_Matches_AnOpenEndedOneToo()
    {
        Assert.Equal(ScheduleMatchOutcome.Matched, Compare(new ScheduledStatus(Start.AddHours(-1), End.AddHours(1), "INOPERATIVE")));
        Assert.Equal(ScheduleMatchOutcome.Matched, Compare(new ScheduledStatus(Start, null, "OUTOFORDER")));
    }

    [Fact]
    public void AdjacentEntries_AreJoined()
    {
        // 08:00–10:00 BLOCKED and 10:00–12:00 INOPERATIVE together cover 08:00–12:00.
        Assert.Equal(ScheduleMatchOutcome.Matched, Compare(new ScheduledStatus(Start.AddHours(2), End, "INOPERATIVE"), new ScheduledStatus(Start, Start.AddHours(2), "blocked")));
    }

    [Fact]
    public void AGap_OrAnEntryEndingEarly_IsPartly()
    {
        // 08:00–09:00 and 10:00–12:00 leave 09:00–10:00 open.
        Assert.Equal(ScheduleMatchOutcome.Partly, Compare(new ScheduledStatus(Start, Start.AddHours(1), "INOPERATIVE"), new ScheduledStatus(Start.AddHours(2), End, "INOPERATIVE")));
        // Starts at 09:00: the first hour is not announced.
        Assert.Equal(ScheduleMatchOutcome.Partly, Compare(new ScheduledStatus(Start.AddHours(1), End, "INOPERATIVE")));
    }

    [Fact]
    public void ChargingStatuses_NoOverlap_OrNoSchedule_AreMissing()
    {
        // AVAILABLE announces nothing about maintenance; an entry ending exactly at the start does not overlap.
        Assert.Equal(ScheduleMatchOutcome.Missing, Compare(new ScheduledStatus(Start, End, "AVAILABLE"), new ScheduledStatus(Start.AddHours(-2), Start, "INOPERATIVE")));
        Assert.Equal(ScheduleMatchOutcome.Missing, Compare());
    }
}
