namespace Portal.Domain.ChargePoints;

/// <summary>The OCPI 2.2.1 power types.</summary>
public enum PowerType
{
    Unknown,
    Ac1Phase,
    Ac2Phase,
    Ac2PhaseSplit,
    Ac3Phase,
    Dc,
}
