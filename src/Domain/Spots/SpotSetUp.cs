namespace Portal.Domain.Spots;

/// <summary>How the charge point stands relative to the parking bays it serves.</summary>
public enum SpotSetUp
{
    /// <summary>In the parking bay itself (e.g. in a widened bay corner).</summary>
    InBay,

    /// <summary>On the pavement next to the bays.</summary>
    OnPavement,

    /// <summary>Between two parallel bays, serving both.</summary>
    ParallelBays,
}
