namespace Portal.Domain.Spots;

/// <summary>What an officer records about a possible location; lengths in centimetres.</summary>
public sealed record SpotDetails(
    string Address,
    int Bays,
    SpotSetUp SetUp,
    int? FreePavementWidthCm,
    int? DistanceToBayCm,
    bool? GridCableNearby,
    string? Notes)
{
    public const int MaxBays = 10;
    public const int MaxNotesLength = 2000;
}
