namespace Portal.Domain.Applications;

/// <summary>What the resident declared on the application form.</summary>
public sealed record ApplicantDeclarations(bool HasPrivateParking, string? ParkingPermitNumber)
{
    public bool HasParkingPermit => !string.IsNullOrWhiteSpace(ParkingPermitNumber);
}
