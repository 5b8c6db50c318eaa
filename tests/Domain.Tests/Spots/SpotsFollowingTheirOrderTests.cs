using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;

namespace Portal.Domain.Tests.Spots;

public sealed class SpotsFollowingTheirOrderTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly SpotActor Officer = new("u1", "Olaf Ambtenaar");
    private static readonly SpotActor Portal = new("portal", "Portaal");
    private static readonly SpotDetails TwoBays = new("Velperweg 1", 2, SpotSetUp.OnPavement, 150, 40, true, null);

    private static Spot SpotIn(SpotStatus status)
    {
        var spot = Spot.Create(Guid.NewGuid(), Coordinate.FromRd(191_000, 444_000), TwoBays, Officer, Monday);
        spot.ChangeStatus(status, Officer, Monday.AddMinutes(1), null);
        return spot;
    }

    [Theory]
    [InlineData(SpotStatus.Approved)]
    [InlineData(SpotStatus.Reserved)]
    public void PublishedOrder_MakesTheSpotPlanned_NamingTheOrder(SpotStatus before)
    {
        var spot = SpotIn(before);

        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));

        Assert.Equal(SpotStatus.Planned, spot.Status);
        var change = spot.History[^1];
        Assert.Equal(SpotChangeKind.FollowedOrder, change.Kind);
        Assert.Equal((before.ToString(), "Planned", "VB-2026-0003"), (change.From, change.To, change.Reason));
    }

    [Fact]
    public void SpotRejectedWhileTheOrderWasADraft_IsRefusedAtPublication()
    {
        var spot = SpotIn(SpotStatus.Candidate);
        spot.ChangeStatus(SpotStatus.Rejected, Officer, Monday.AddHours(1), "kabel ligt er niet");

        var refused = Assert.Throws<DomainRuleViolated>(() => spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1)));

        Assert.Equal(DomainRule.SpotNotReadyForOrder, refused.Rule);
        Assert.Equal(SpotStatus.Rejected, spot.Status);
    }

    [Fact]
    public void FinalOrder_MakesThePlannedSpotReadyForInstallation()
    {
        var spot = SpotIn(SpotStatus.Approved);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));

        spot.FollowOrderFinal("VB-2026-0003", Portal, Monday.AddDays(45));

        Assert.Equal(SpotStatus.ReadyForInstallation, spot.Status);
        Assert.Equal("Portaal", spot.History[^1].ByName);
    }

    [Fact]
    public void FinalOrder_LeavesASpotAlreadyStartedEarlyAsItIs()
    {
        var spot = SpotIn(SpotStatus.Approved);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));
        spot.StartInstallationBeforeFinal("VB-2026-0003", "netbeheerder heeft nu een ploeg vrij", Officer, Monday.AddDays(2));
        var entries = spot.History.Count;

        spot.FollowOrderFinal("VB-2026-0003", Portal, Monday.AddDays(45));

        Assert.Equal(SpotStatus.ReadyForInstallation, spot.Status);
        Assert.Equal(entries, spot.History.Count);
        Assert.Equal("VB-2026-0003: netbeheerder heeft nu een ploeg vrij", spot.History[^1].Reason);
    }

    [Fact]
    public void StartingEarly_NeedsAReason()
    {
        var spot = SpotIn(SpotStatus.Approved);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));

        var refused = Assert.Throws<DomainRuleViolated>(() => spot.StartInstallationBeforeFinal("VB-2026-0003", " ", Officer, Monday.AddDays(2)));

        Assert.Equal(DomainRule.SpotReasonRequired, refused.Rule);
        Assert.Equal(SpotStatus.Planned, spot.Status);
    }

    [Fact]
    public void StartingEarly_IsOnlyForAPlannedSpot()
    {
        var spot = SpotIn(SpotStatus.Approved);

        var refused = Assert.Throws<DomainRuleViolated>(() => spot.StartInstallationBeforeFinal("VB-2026-0003", "snel", Officer, Monday.AddDays(2)));

        Assert.Equal(DomainRule.SpotStatusChangeNotAllowed, refused.Rule);
    }

    [Theory]
    [InlineData(SpotStatus.Approved)]
    [InlineData(SpotStatus.Reserved)]
    public void RevokedOrder_ReturnsTheSpotToItsStatusBeforeTheOrder_WithTheReason(SpotStatus before)
    {
        var spot = SpotIn(before);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));
        spot.StartInstallationBeforeFinal("VB-2026-0003", "vroeg begonnen", Officer, Monday.AddDays(2));

        spot.FollowOrderRevoked("VB-2026-0003", "bezwaar gegrond: uitrit van nr. 3", Officer, Monday.AddDays(60));

        Assert.Equal(before, spot.Status);
        var change = spot.History[^1];
        Assert.Equal(("ReadyForInstallation", before.ToString()), (change.From, change.To));
        Assert.Equal("VB-2026-0003: bezwaar gegrond: uitrit van nr. 3", change.Reason);
    }

    [Fact]
    public void RevokedOrder_LeavesARealisedSpotRealised()
    {
        var spot = SpotIn(SpotStatus.Approved);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));
        spot.FollowOrderFinal("VB-2026-0003", Portal, Monday.AddDays(45));
        spot.ChangeStatus(SpotStatus.Realised, Officer, Monday.AddDays(80), null);

        spot.FollowOrderRevoked("VB-2026-0003", "te laat bezwaar gegrond", Officer, Monday.AddDays(90));

        Assert.Equal(SpotStatus.Realised, spot.Status);
    }

    [Fact]
    public void ALongReason_IsCutToWhatTheHistoryHolds()
    {
        var spot = SpotIn(SpotStatus.Approved);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));

        spot.FollowOrderRevoked("VB-2026-0003", new string('x', 2000), Officer, Monday.AddDays(60));

        Assert.Equal(SpotChange.MaxReasonLength, spot.History[^1].Reason!.Length);
        Assert.EndsWith("x…", spot.History[^1].Reason, StringComparison.Ordinal);
    }
}
