namespace Portal.Domain.Spots;

/// <summary>Where a possible charge point location stands in the process.</summary>
public enum SpotStatus
{
    /// <summary>Identified as possible, not yet checked by traffic, green and cables.</summary>
    Candidate,

    /// <summary>Held for an application or a CPO's plan.</summary>
    Reserved,

    /// <summary>Checked and approved as a location.</summary>
    Approved,

    /// <summary>In a published traffic order: objection or appeal still possible. Only the order moves a spot here.</summary>
    Planned,

    /// <summary>The traffic order is final, or the officer chose to start right after publication: the charge point can be installed.</summary>
    ReadyForInstallation,

    /// <summary>A charge point stands here.</summary>
    Realised,

    /// <summary>Found unsuitable.</summary>
    Rejected,

    /// <summary>Taken off the map: no longer offered or in use.</summary>
    Retired,
}
