using Portal.Domain.Geography;
using Portal.Domain.Installations;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class MeasuringLeadTimesTests
{
    [Theory]
    // [10 20 30 40 50]: median at h = 4 x 0.5 = 2 -> 30; p90 at h = 3.6 -> 40 + 0.6 x 10 = 46.
    [InlineData(new[] { 50d, 10, 40, 20, 30 }, 0.5, 30)]
    [InlineData(new[] { 50d, 10, 40, 20, 30 }, 0.9, 46)]
    // [1 2 3 10]: median at h = 1.5 -> 2.5; p90 at h = 2.7 -> 3 + 0.7 x 7 = 7.9.
    [InlineData(new[] { 3d, 1, 2, 10 }, 0.5, 2.5)]
    [InlineData(new[] { 3d, 1, 2, 10 }, 0.9, 7.9)]
    [InlineData(new[] { 5d }, 0.9, 5)]
    [InlineData(new[] { 5d, 7 }, 1.0, 7)]
    [InlineData(new[] { 5d, 7 }, 0.0, 5)]
    public void Percentiles_InterpolateBetweenTheNearestRanks(double[] values, double fraction, double expected)
    {
        Assert.Equal(expected, Percentile.Of(values, fraction)!.Value, precision: 10);
    }

    [Fact]
    public void NoValues_NoPercentile()
    {
        Assert.Null(Percentile.Of([], 0.5));
    }

    [Fact]
    public void PerStep_DaysFromOpeningToTheStep_OverTheCasesThatReachedIt()
    {
        // Opened on 5 January; accepted 2, 4 and 9 days later: median 4, p90 at h = 1.8 -> 4 + 0.8 x 5 = 8.
        var opened = D(2026, 1, 5);
        var cases = new[] { Accepted(opened, D(2026, 1, 7)), Accepted(opened, D(2026, 1, 9)), Accepted(opened, D(2026, 1, 14)), Opened(opened) };
        cases[0].Report(InstallationStep.NeighboursInformed, D(2026, 2, 4), null, CpoUser, D(2026, 2, 4), Noon(D(2026, 2, 4)));   // 30 days

        var perStep = LeadTimes.PerStep(cases);

        Assert.Equal(new LeadTimeSummary(3, 4, 8), perStep[InstallationStep.AcceptedByCpo] with { Percentile90Days = Math.Round(perStep[InstallationStep.AcceptedByCpo].Percentile90Days!.Value, 10) });
        Assert.Equal(new LeadTimeSummary(1, 30, 30), perStep[InstallationStep.NeighboursInformed]);
        Assert.Equal(new LeadTimeSummary(0, null, null), perStep[InstallationStep.Commissioned]);
    }

    [Fact]
    public void GridConnectionsWithinTheNorm_CountOnlyWhatIsDecided()
    {
        var today = D(2026, 7, 20);
        GridConnectionRequest Requested(GridConnectionKind kind, DateOnly on, DateOnly? connected = null) => new("Liander", null, kind, on, connected);
        var connections = new[]
        {
            Requested(GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3), D(2026, 7, 1)),    // due 7 July, in time
            Requested(GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3), D(2026, 7, 10)),   // late
            Requested(GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)),                  // open and past 7 July: late
            Requested(GridConnectionKind.ChangeWithoutGroundwork, D(2026, 6, 1)),              // open, due 24 August: undecided
            Requested(GridConnectionKind.AboveThreeTimesEightyAmpere, D(2026, 1, 5)),          // no norm
        };
        var cases = connections.Select(connection =>
        {
            var c = Accepted(D(2026, 1, 5), D(2026, 1, 5));
            c.RequestGridConnection(connection, null, CpoUser, today, Noon(today));
            return c;
        }).Append(Opened(D(2026, 1, 5)));

        var share = LeadTimes.GridConnectionsWithinNorm(cases, today);

        Assert.Equal(new Share(1, 3), share);
        Assert.Equal(1d / 3, share.Fraction!.Value, precision: 10);
    }

    [Fact]
    public void CommissionedInTime_ByTheContractsDay_CancelledAndUndatedCasesLeftOut()
    {
        var today = D(2026, 12, 7);
        var inTime = Commissioned(D(2026, 6, 1));
        var late = Commissioned(D(2026, 9, 1));
        var openPastDue = Accepted(D(2026, 1, 5), D(2026, 1, 6));
        var openNotDue = Accepted(D(2026, 1, 5), D(2026, 1, 6));
        var cancelled = Accepted(D(2026, 1, 5), D(2026, 1, 6));
        cancelled.Cancel("Geen vraag meer", Officer, Noon(today));
        var noContractDay = Commissioned(D(2026, 6, 1));
        var due = new Dictionary<InstallationCase, DateOnly?>
        {
            [inTime] = D(2026, 7, 1), [late] = D(2026, 7, 1), [openPastDue] = D(2026, 7, 1), [openNotDue] = D(2027, 1, 1), [cancelled] = D(2026, 7, 1), [noContractDay] = null,
        };

        Assert.Equal(new Share(1, 3), LeadTimes.CommissionedInTime(due.Keys, c => due[c], today));
        Assert.Null(new Share(0, 0).Fraction);
    }

    private static InstallationCase Commissioned(DateOnly live)
    {
        var c = Accepted(D(2026, 1, 5), D(2026, 1, 6));
        c.ConfirmCommissioning(new ProposedCommissioning(new CommissioningCandidate("L", Cpo, Coordinate.FromRd(187_000, 441_000), []), 0, ["E1"]), live, Officer, D(2026, 12, 7), Noon(D(2026, 12, 7)));
        return c;
    }
}
