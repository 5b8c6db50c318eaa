namespace Portal.Domain.Faults;

/// <summary>Where a fault report stands (stored by name): reported by the public, acknowledged by the CPO, resolved with an answer.</summary>
public enum FaultReportStatus
{
    Reported,
    Acknowledged,
    Resolved,
}
