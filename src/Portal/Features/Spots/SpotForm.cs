using System.ComponentModel.DataAnnotations;
using Portal.Domain.Spots;
using Portal.Resources;

namespace Portal.Features.Spots;

/// <summary>What an officer fills in for a spot: position (from a map click or typed) and the set-up.</summary>
public sealed class SpotForm
{
    public Guid? MunicipalityId { get; set; }

    [RequiredField, Range(-90, 90)] public double? Latitude { get; set; }
    [RequiredField, Range(-180, 180)] public double? Longitude { get; set; }
    [RequiredField, MaxCharacters(255)] public string? Address { get; set; }
    [RequiredField, Range(1, SpotDetails.MaxBays)] public int? Bays { get; set; } = 2;
    public SpotSetUp SetUp { get; set; } = SpotSetUp.OnPavement;
    [Range(0, 2000)] public int? FreePavementWidthCm { get; set; }
    [Range(0, 2000)] public int? DistanceToBayCm { get; set; }

    /// <summary>"ja", "nee" or empty for unknown.</summary>
    public string? GridCable { get; set; }

    [MaxCharacters(SpotDetails.MaxNotesLength)] public string? Notes { get; set; }
    [MaxCharacters(1000)] public string? Reason { get; set; }

    /// <summary>The officer has seen the guideline warnings and saves anyway.</summary>
    public bool AcceptWarnings { get; set; }

    public SpotDetails ToDetails() => new(Address ?? "", Bays ?? 0, SetUp, FreePavementWidthCm, DistanceToBayCm,
        GridCable switch { "ja" => true, "nee" => false, _ => null }, Notes);

    public static SpotForm From(Spot spot) => new()
    {
        MunicipalityId = spot.MunicipalityId,
        Latitude = Math.Round(spot.Latitude, 7),
        Longitude = Math.Round(spot.Longitude, 7),
        Address = spot.Address,
        Bays = spot.Bays,
        SetUp = spot.SetUp,
        FreePavementWidthCm = spot.FreePavementWidthCm,
        DistanceToBayCm = spot.DistanceToBayCm,
        GridCable = spot.GridCableNearby switch { true => "ja", false => "nee", null => "" },
        Notes = spot.Notes,
    };
}
