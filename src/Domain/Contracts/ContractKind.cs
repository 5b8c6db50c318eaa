namespace Portal.Domain.Contracts;

/// <summary>The cooperation model under which a CPO builds and runs public charge points (stored by name).</summary>
public enum ContractKind
{
    /// <summary>Vergunning: the CPO asks permission and runs at its own risk; the municipality can demand least.</summary>
    Licence,

    /// <summary>Concessie: the exclusive right to build and run points in an area (often a region of municipalities).</summary>
    Concession,

    /// <summary>Opdracht: the municipality orders and pays for points and sets the most terms.</summary>
    Order,
}

/// <summary>Who processes residents' applications for a charge point under a contract.</summary>
public enum ApplicationsHandledBy
{
    Municipality,
    Operator,
}

/// <summary>Where a contract stands on a day, computed from its versions.</summary>
public enum ContractStatus
{
    /// <summary>No version is signed yet.</summary>
    Draft,

    /// <summary>Signed, but the first signed version starts later.</summary>
    Upcoming,

    /// <summary>A signed version is in force on the day.</summary>
    InForce,

    /// <summary>Every signed version ended before the day.</summary>
    Ended,
}
