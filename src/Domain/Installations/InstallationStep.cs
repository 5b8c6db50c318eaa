namespace Portal.Domain.Installations;

/// <summary>
/// The steps from a spot ready for installation to a charge point in use (municipal process 3.6), in their usual
/// order. Reality sometimes does them in another order; a case shows which earlier ones are still missing.
/// </summary>
public enum InstallationStep
{
    /// <summary>The CPO accepted the assignment.</summary>
    AcceptedByCpo = 1,

    /// <summary>The location proposal was checked by traffic, green and trees, cables and pipes, and the grid operator.</summary>
    LocationProposalChecked = 2,

    NeighboursInformed = 3,

    /// <summary>The grid connection was requested at the grid operator; the ACM norm runs from this day.</summary>
    GridConnectionRequested = 4,

    /// <summary>The dig notification (KLIC) was made, between 20 and 3 working days before digging.</summary>
    DigNotificationMade = 5,

    /// <summary>Permission to dig in public ground (APV/AVOI).</summary>
    DiggingPermitted = 6,

    ChargePointPlaced = 7,

    /// <summary>Signs and road markings placed: the traffic order's signs move from planned to placed.</summary>
    SignsPlaced = 8,

    /// <summary>Proven by the data: an OCPI location of the CPO near the spot with an EVSE ready to charge, confirmed.</summary>
    Commissioned = 9,

    /// <summary>The applicant and the municipality's maintenance department were informed.</summary>
    Informed = 10,
}
