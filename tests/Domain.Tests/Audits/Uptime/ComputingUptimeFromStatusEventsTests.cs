using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class ComputingUptimeFromStatusEventsTests
{
    [Fact]
    public void SingleOutage_CountsItsSecondsAndShowsItsStatusPath()
    {
        var result = Compute(Input(Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 12, 30))));

        Assert.Equal(April, result.Seconds.S);
        Assert.Equal(9_000, result.Seconds.D);                          // 10:00-12:30 = 2.5 h = 9,000 s
        Assert.Equal(0, result.Seconds.Dc);                             // OUTOFORDER is connected
        Assert.Equal(2_583_000m / 2_592_000m, result.Availability);      // (2,592,000 - 9,000) / 2,592,000 = 0.99653
        Assert.Equal(UptimeVerdict.Pass, result.AvailabilityVerdict);
        var outage = Assert.Single(result.Outages);
        Assert.Equal(Apr(10, 10), outage.Start);
        Assert.Equal(Apr(10, 12, 30), outage.End);
        Assert.Equal("OUTOFORDER → AVAILABLE", outage.StatusPathText);
        Assert.Equal(150m, UptimeReporting.Minutes(outage.CountedSeconds));  // 9,000 / 60 = 150.00 min
    }

    [Fact]
    public void FlappingWithinFiveMinutes_IsOneOutageIncludingTheShortUp()
    {
        var result = Compute(Input(
            Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 10, 20)),
            Ev("OUTOFORDER", Apr(10, 10, 24)), Ev("AVAILABLE", Apr(10, 11))));

        var outage = Assert.Single(result.Outages);
        Assert.Equal(3_600, result.Seconds.D);                          // 10:00-11:00 merged, the 4-minute UP included: 3,600 s
        Assert.Equal("OUTOFORDER → AVAILABLE → OUTOFORDER → AVAILABLE", outage.StatusPathText);
    }

    [Fact]
    public void UpOfFiveMinutesOrMore_SeparatesTwoOutages()
    {
        var result = Compute(Input(
            Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 10, 20)),
            Ev("OUTOFORDER", Apr(10, 10, 25)), Ev("AVAILABLE", Apr(10, 11))));

        Assert.Equal(2, result.Outages.Count);
        Assert.Equal(3_300, result.Seconds.D);                          // 20 min + 35 min = 55 min = 3,300 s; the 5-minute UP counts as up
    }

    [Fact]
    public void Unknown_IsDownAndDisconnected()
    {
        var result = Compute(Input(Ev("UNKNOWN", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 11))));

        Assert.Equal(3_600, result.Seconds.D);                          // 10:00-11:00
        Assert.Equal(3_600, result.Seconds.Dc);                         // UNKNOWN is not neutral: disconnected too
        Assert.Equal(2_588_400m / 2_592_000m, result.Connectivity);      // (2,592,000 - 3,600) / 2,592,000
        Assert.Equal(UptimeVerdict.Pass, result.ConnectivityVerdict);    // 0.99861 >= 0.98
        Assert.Equal(EvidenceTier.B, result.ConnectivityTier);
    }

    [Fact]
    public void NoDataBeforeTheFirstEvent_IsDown()
    {
        var result = Compute(Input() with { Events = [Ev("AVAILABLE", Apr(1, 6))] });

        Assert.Equal(21_600, result.Seconds.D);                         // 1 April 00:00-06:00 local = 6 h = 21,600 s
        Assert.Equal(21_600, result.Seconds.Dc);
        Assert.Equal("NO_DATA → AVAILABLE", Assert.Single(result.Outages).StatusPathText);
    }

    [Fact]
    public void ChargePointNeverInTheFeed_IsDownTheWholePeriod()
    {
        var result = Compute(Input() with { Events = [] });

        Assert.Equal(April, result.Seconds.D);                          // D = S = 2,592,000 s
        Assert.Equal(0m, result.Availability);                          // (S - D) / S = 0
        Assert.Equal(UptimeVerdict.Fail, result.AvailabilityVerdict);
        Assert.Equal(UptimeVerdict.Fail, result.ConnectivityVerdict);
    }

    [Fact]
    public void LateEvent_IsAppliedAtItsOwnTimeAndCountedLate()
    {
        var outOfOrder = new StatusEvent("OUTOFORDER", Apr(10, 10), Apr(10, 10, 2));   // received 120 s after it happened (> 60 s)

        var result = Compute(Input(outOfOrder, Ev("AVAILABLE", Apr(10, 11))));

        Assert.Equal(3_600, result.Seconds.D);                          // from t_evt 10:00, not t_rcv 10:02, to 11:00
        Assert.Equal(1, result.Flags.Late);
    }

    [Fact]
    public void EventsMoreThanADayLate_CountOnlyInARecomputation()
    {
        var received = Apr(13, 11, 30);                                 // 25.5 h and 24.5 h after the events
        var input = Input(
            Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 11)),
            new StatusEvent("OUTOFORDER", Apr(12, 10), received), new StatusEvent("AVAILABLE", Apr(12, 11), received));

        var regular = Compute(input);
        var recomputed = Compute(input with { Recomputation = true });

        Assert.Equal(3_600, regular.Seconds.D);                         // only 10 April 10:00-11:00
        Assert.Equal(2, regular.Flags.VeryLate.Count);
        Assert.Equal(7_200, recomputed.Seconds.D);                      // plus 12 April 10:00-11:00
        Assert.NotEqual(regular.Fingerprint, recomputed.Fingerprint);
    }

    [Fact]
    public void FutureDatedEvent_IsClampedToItsReceiveTime()
    {
        // t_evt 12:00 but received at 10:00: more than 5 minutes in the future, so it holds from 10:00.
        var future = new StatusEvent("OUTOFORDER", Apr(10, 12), Apr(10, 10));

        var result = Compute(Input(future, Ev("AVAILABLE", Apr(10, 11))));

        Assert.Equal(3_600, result.Seconds.D);                          // 10:00-11:00
        Assert.Equal(1, result.Flags.FutureClamped);
    }

    [Fact]
    public void EventAFewMinutesAhead_IsNotClamped()
    {
        var ahead = new StatusEvent("OUTOFORDER", Apr(10, 10, 3), Apr(10, 10));   // 3 min ahead, within the 5-minute tolerance

        var result = Compute(Input(ahead, Ev("AVAILABLE", Apr(10, 11))));

        Assert.Equal(3_420, result.Seconds.D);                          // 10:03-11:00 = 57 min = 3,420 s
        Assert.Equal(0, result.Flags.FutureClamped);
    }

    [Fact]
    public void BlockedForMoreThanADay_IsUpButFlagged()
    {
        // 25 h, sent as two events of 12.5 h each: one stretch.
        var result = Compute(Input(Ev("BLOCKED", Apr(10, 10)), Ev("BLOCKED", Apr(10, 22, 30)), Ev("AVAILABLE", Apr(11, 11))));

        Assert.Equal(0, result.Seconds.D);
        Assert.True(result.Flags.BlockedOverFlagLimit);
    }

    [Fact]
    public void InoperativeWhileASiblingCharges_IsUp()
    {
        var input = Input(Ev("INOPERATIVE", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 14))) with
        {
            Siblings = [new SiblingEvse("EVSE2", [Ev("AVAILABLE", Apr(1)), Ev("CHARGING", Apr(10, 11)), Ev("AVAILABLE", Apr(10, 13))])],
        };

        var result = Compute(input);
        var alone = Compute(input with { Siblings = [] });

        Assert.Equal(7_200, result.Seconds.D);                          // 10:00-11:00 and 13:00-14:00; 11-13 occupied by the sibling
        Assert.Equal(2, result.Outages.Count);
        Assert.Equal(14_400, alone.Seconds.D);                          // 10:00-14:00 without the sibling
    }

    [Fact]
    public void UnreadableStatus_CountsAsUnknownAndIsListed()
    {
        var result = Compute(Input(Ev("BROKEN", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 10, 30))));

        Assert.Equal(1_800, result.Seconds.D);                          // 10:00-10:30
        Assert.Equal(1_800, result.Seconds.Dc);
        Assert.Equal(["BROKEN"], result.Flags.UnrecognisedStatuses);
        Assert.Equal("UNKNOWN → AVAILABLE", Assert.Single(result.Outages).StatusPathText);
    }
}
