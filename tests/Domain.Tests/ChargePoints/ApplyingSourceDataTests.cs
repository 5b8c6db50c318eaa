using Portal.Domain.ChargePoints;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.ChargePoints;

public sealed class ApplyingSourceDataTests
{
    private static readonly DateTime Monday = new(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Arnhem = Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100");

    private static EvseDetails Evse(string uid, EvseStatus status, int? watts = 11_000) =>
        new(uid, $"NL*NUO*E{uid}", status, 1, ["IEC_62196_T2"], PowerType.Ac3Phase, watts, Monday);

    private static ChargeLocationDetails Location(params EvseDetails[] evses) =>
        new("NDW", "ndw-1", "LOC1", "Vattenfall InCharge", "NL*NUO", "Velperweg 1", "Velperweg 1", "6824BA", "Arnhem",
            new GeoPoint(51.985, 5.93), 22_000, LocationStatus.Unknown, Monday, evses);

    [Fact]
    public void NewLocation_TakesItsEvsesAndDerivesStatusAndPower()
    {
        var location = ChargeLocation.Register(Arnhem, Location(Evse("1", EvseStatus.Charging), Evse("2", EvseStatus.Available, 22_000)), Monday);

        Assert.Equal(2, location.Evses.Count);
        Assert.Equal(LocationStatus.Available, location.Status);
        Assert.Equal(22_000, location.MaxPowerWatts);
        Assert.Equal(2, location.ActiveEvseCount);
    }

    [Fact]
    public void SecondImport_UpdatesEvsesByUid_AndAddsNewOnes()
    {
        var location = ChargeLocation.Register(Arnhem, Location(Evse("1", EvseStatus.Available), Evse("2", EvseStatus.Available)), Monday);

        location.Apply(Location(Evse("1", EvseStatus.Charging), Evse("2", EvseStatus.Removed), Evse("3", EvseStatus.Charging)), Monday.AddDays(1));

        Assert.Equal(3, location.Evses.Count);
        Assert.Equal(EvseStatus.Charging, location.Evses.Single(e => e.Uid == "1").Status);
        Assert.Equal(2, location.ActiveEvseCount);
        Assert.Equal(LocationStatus.Occupied, location.Status);
        Assert.Equal(Monday.AddDays(1), location.ImportedAtUtc);
    }

    [Fact]
    public void LocationWithoutEvseDetail_KeepsTheStatusAndPowerTheSourceGave()
    {
        var details = Location() with { StatusWithoutEvses = LocationStatus.Occupied, MaxPowerWatts = 50_000 };

        var location = ChargeLocation.Register(Arnhem, details, Monday);

        Assert.Equal(LocationStatus.Occupied, location.Status);
        Assert.Equal(50_000, location.MaxPowerWatts);
    }

    [Fact]
    public void EvsesWithoutKnownPower_FallBackToTheLocationsPower()
    {
        var location = ChargeLocation.Register(Arnhem, Location(Evse("1", EvseStatus.Available, null)), Monday);

        Assert.Equal(22_000, location.MaxPowerWatts);
    }

    private static EvseDetails WithConnectors(string uid, params string[] connectorIds) =>
        Evse(uid, EvseStatus.Available) with
        {
            Connectors = connectorIds.Select(id => new ConnectorDetails(id, "IEC_62196_T2", ConnectorFormat.Socket, PowerType.Ac3Phase, 11_000)).ToList(),
        };

    [Fact]
    public void Connectors_AreMatchedById_AndOnesNoLongerListedAreRemoved()
    {
        var location = ChargeLocation.Register(Arnhem, Location(WithConnectors("1", "1", "2")), Monday);

        location.Apply(Location(WithConnectors("1", "1") with { Connectors = [new ConnectorDetails("1", "IEC_62196_T2_COMBO", ConnectorFormat.Cable, PowerType.Dc, 50_000)] }), Monday);

        var connector = Assert.Single(location.Evses.Single().Connectors);
        Assert.Equal("IEC_62196_T2_COMBO", connector.Standard);
        Assert.Equal(ConnectorFormat.Cable, connector.Format);
        Assert.Equal(50_000, connector.MaxPowerWatts);
    }

    [Fact]
    public void SourceWithoutConnectorDetail_LeavesKnownConnectorsAlone()
    {
        var location = ChargeLocation.Register(Arnhem, Location(WithConnectors("1", "1", "2")), Monday);

        location.Apply(Location(Evse("1", EvseStatus.Charging)), Monday);

        Assert.Equal(["1", "2"], location.Evses.Single().Connectors.Select(c => c.ConnectorId));
    }

    [Fact]
    public void MissingOperator_IsRejected() =>
        Assert.Throws<DomainRuleViolated>(() => ChargeLocation.Register(Arnhem, Location() with { OperatorName = " " }, Monday));
}
