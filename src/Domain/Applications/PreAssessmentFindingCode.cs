namespace Portal.Domain.Applications;

public enum PreAssessmentFindingCode
{
    NoChargePointWithinPolicyDistance,
    ChargePointWithinPolicyDistance,
    NearbyChargePointBusy,
    NearbyChargePointHasRoom,
    NearbyChargePointUsageUnknown,
    OutsidePermitZones,
    InPermitZoneWithPermit,
    InPermitZoneWithoutPermit,
    NoPrivateParkingDeclared,
    PrivateParkingDeclared,
    NoOpenApplicationsNearby,
    OpenApplicationsNearby,
    NoDuplicateAddress,
    DuplicateAddress,
}
