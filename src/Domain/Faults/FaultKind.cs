namespace Portal.Domain.Faults;

/// <summary>What a member of the public reports is wrong with a charge point (stored by name).</summary>
public enum FaultKind
{
    DoesNotCharge,
    Damaged,
    CableOrConnector,
    PaymentOrCard,
    DisplayOrApp,
    BayBlocked,
    Other,
}
