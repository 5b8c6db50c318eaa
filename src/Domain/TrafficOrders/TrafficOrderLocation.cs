using Portal.Domain.Geography;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// One location in an order, as the order names it: the spot it reserves, the street and nearest house
/// number, the RD coordinates, the number of bays and the signs. Copied from the spot when the location
/// is added, so that a published order keeps saying what it said when the spot changes later.
/// </summary>
public sealed class TrafficOrderLocation
{
    private TrafficOrderLocation() { }

    public long Id { get; private set; }
    public Guid TrafficOrderId { get; private set; }
    public Guid SpotId { get; private set; }
    public string Street { get; private set; } = "";
    public string? NearestHouseNumber { get; private set; }
    public double RdX { get; private set; }
    public double RdY { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public int Bays { get; private set; }
    public SignBoard Board { get; private set; }
    public string SubSign { get; private set; } = "";
    public string? TimeWindow { get; private set; }
    public int? MaxParkingMinutes { get; private set; }
    public SignPlacement SignStatus { get; private set; }

    public PlannedSign Sign => PlannedSign.Create(Board, SubSign, TimeWindow, MaxParkingMinutes);

    internal static TrafficOrderLocation Create(Guid orderId, Guid spotId, string street, string? nearestHouseNumber, Coordinate position, int bays, PlannedSign sign) => new()
    {
        TrafficOrderId = orderId,
        SpotId = spotId,
        Street = street.Trim(),
        NearestHouseNumber = string.IsNullOrWhiteSpace(nearestHouseNumber) ? null : nearestHouseNumber.Trim(),
        RdX = position.X,
        RdY = position.Y,
        Latitude = position.Latitude,
        Longitude = position.Longitude,
        Bays = bays,
        Board = sign.Board,
        SubSign = sign.SubSign,
        TimeWindow = sign.TimeWindow,
        MaxParkingMinutes = sign.MaxParkingMinutes,
        SignStatus = SignPlacement.Planned,
    };

    internal void MarkSignsPlaced() => SignStatus = SignPlacement.Placed;
}

/// <summary>Whether a location's signs stand, as the municipality's sign register tracks them.</summary>
public enum SignPlacement
{
    Planned,
    Placed,
}
