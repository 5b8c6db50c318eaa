using Portal.Domain.Common;
using Portal.Domain.Installations;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

/// <summary>A removal's signs come down only once the amendment that leaves its spot out of the reserving order is published.</summary>
public sealed class TheTrafficOrderOfARemovalTests
{
    private static readonly Guid Spot = Guid.Parse("00000000-0000-0000-0000-00000000b001");

    private static InstallationCase Of(InstallationCaseKind kind) =>
        InstallationCase.Open(Guid.NewGuid(), "IN-2026-0009", kind, Spot, Cpo, null, Officer, Noon(D(2026, 11, 2)));

    [Fact]
    public void WhileTheReservingOrderStands_TheSignsOfARemovalStay()
    {
        var noAmendment = new RemovalTrafficOrder("VB-2026-0004", null, false);
        var draftAmendment = new RemovalTrafficOrder("VB-2026-0004", "VB-2026-0011", false);

        var e = Assert.Throws<DomainRuleViolated>(() => noAmendment.RequireFor(Of(InstallationCaseKind.Removal), InstallationStep.SignsPlaced));
        Assert.Equal(DomainRule.RemovalNeedsReleasingOrder, e.Rule);
        Assert.Equal(["VB-2026-0004"], e.Arguments);
        Assert.Equal(DomainRule.RemovalNeedsReleasingOrder,
            Assert.Throws<DomainRuleViolated>(() => draftAmendment.RequireFor(Of(InstallationCaseKind.Removal), InstallationStep.SignsPlaced)).Rule);
        Assert.False(draftAmendment.SignsMayBeRemoved);
    }

    [Fact]
    public void APublishedAmendment_OrNoReservationAtAll_LetsTheSignsGo()
    {
        var published = new RemovalTrafficOrder("VB-2026-0004", "VB-2026-0011", true);

        published.RequireFor(Of(InstallationCaseKind.Removal), InstallationStep.SignsPlaced);
        RemovalTrafficOrder.None.RequireFor(Of(InstallationCaseKind.Removal), InstallationStep.SignsPlaced);

        Assert.True(published.SignsMayBeRemoved);
        Assert.True(RemovalTrafficOrder.None.SignsMayBeRemoved);
    }

    [Fact]
    public void OtherStepsOfARemoval_AndSignsOfANewChargePoint_NeedNoReleasingOrder()
    {
        var standing = new RemovalTrafficOrder("VB-2026-0004", null, false);

        // Taking the charge point away comes before the signs; placing signs for a new point is under its own order.
        standing.RequireFor(Of(InstallationCaseKind.Removal), InstallationStep.ChargePointPlaced);
        standing.RequireFor(Of(InstallationCaseKind.NewChargePoint), InstallationStep.SignsPlaced);
    }
}
