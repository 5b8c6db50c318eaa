using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;

namespace Portal.Domain.Tests.Spots;

public sealed class RealisingASpotByCommissioningTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly SpotActor Officer = new("u1", "Olaf Ambtenaar");
    private static readonly SpotActor Cpo = new("c1", "Cas Operator");
    private static readonly SpotDetails TwoBays = new("Velperweg 1", 2, SpotSetUp.OnPavement, 150, 40, true, null);

    private static Spot ReadyForInstallation()
    {
        var spot = Spot.Create(Guid.NewGuid(), Coordinate.FromRd(191_000, 444_000), TwoBays, Officer, Monday);
        spot.ChangeStatus(SpotStatus.Approved, Officer, Monday.AddMinutes(1), null);
        spot.FollowOrderPublished("VB-2026-0003", Officer, Monday.AddDays(1));
        spot.FollowOrderFinal("VB-2026-0003", Officer, Monday.AddDays(45));
        return spot;
    }

    [Fact]
    public void ASpotReadyForInstallation_IsRealised_NamingTheCase()
    {
        var spot = ReadyForInstallation();

        spot.RealiseByCommissioning("IN-2026-0007", Cpo, Monday.AddDays(200));

        Assert.Equal(SpotStatus.Realised, spot.Status);
        var change = spot.History[^1];
        Assert.Equal((SpotChangeKind.StatusChanged, "ReadyForInstallation", "Realised", "IN-2026-0007", "Cas Operator"),
            (change.Kind, change.From, change.To, change.Reason, change.ByName));
        Assert.Equal(Monday.AddDays(200), spot.UpdatedAtUtc);
    }

    [Fact]
    public void AnAlreadyRealisedSpot_StaysAsItIs_WithoutANewHistoryEntry()
    {
        var spot = ReadyForInstallation();
        spot.RealiseByCommissioning("IN-2026-0007", Cpo, Monday.AddDays(200));
        var entries = spot.History.Count;

        spot.RealiseByCommissioning("IN-2026-0007", Cpo, Monday.AddDays(201));

        Assert.Equal(entries, spot.History.Count);
    }

    [Fact]
    public void ARejectedSpot_CannotBeRealised()
    {
        var spot = Spot.Create(Guid.NewGuid(), Coordinate.FromRd(191_000, 444_000), TwoBays, Officer, Monday);
        spot.ChangeStatus(SpotStatus.Rejected, Officer, Monday.AddMinutes(1), "te smal");

        var refused = Assert.Throws<DomainRuleViolated>(() => spot.RealiseByCommissioning("IN-2026-0007", Cpo, Monday.AddDays(1)));

        Assert.Equal(DomainRule.SpotStatusChangeNotAllowed, refused.Rule);
        Assert.Equal(SpotStatus.Rejected, spot.Status);
    }
}
