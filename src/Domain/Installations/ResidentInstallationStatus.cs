namespace Portal.Domain.Installations;

/// <summary>Where an installation stands, as a resident who applied for the charge point cares about it.</summary>
public enum ResidentInstallationStage
{
    /// <summary>The municipality assigned the work to a CPO, who has not accepted it yet.</summary>
    Assigned,

    /// <summary>The CPO accepted and prepares the placement (checks, neighbours).</summary>
    Preparing,

    /// <summary>The grid connection is requested; the grid operator has until the ACM norm's last day.</summary>
    GridConnectionRequested,

    /// <summary>The grid operator connected the spot.</summary>
    GridConnected,

    /// <summary>The day digging starts is known and has not passed.</summary>
    DiggingPlanned,

    ChargePointPlaced,

    /// <summary>Commissioned: the charge point charges cars.</summary>
    InOperation,

    Paused,

    /// <summary>The case was cancelled.</summary>
    Stopped,
}

/// <summary>
/// The one sentence a resident gets about the installation of the charge point they applied for: the latest thing that
/// happened, with its day, and for a requested grid connection the last day the ACM norm gives the grid operator.
/// </summary>
public sealed record ResidentInstallationStatus(ResidentInstallationStage Stage, DateOnly? On, DateOnly? Until = null)
{
    /// <summary>
    /// The furthest milestone wins: in operation, then placed, then planned digging (from today on), then the grid
    /// connection (realised, else requested), then accepted, else assigned on the day the case was opened. A cancelled
    /// case says it stopped; a paused one that it stands still, unless the charge point already works.
    /// </summary>
    public static ResidentInstallationStatus Of(InstallationCase installation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (installation.Status == InstallationCaseStatus.Cancelled)
            return new(ResidentInstallationStage.Stopped, null);
        if (installation[InstallationStep.Commissioned].DoneOn is { } live)
            return new(ResidentInstallationStage.InOperation, live);
        if (installation.Status == InstallationCaseStatus.Paused)
            return new(ResidentInstallationStage.Paused, null);
        if (installation[InstallationStep.ChargePointPlaced].DoneOn is { } placed)
            return new(ResidentInstallationStage.ChargePointPlaced, placed);
        if (installation.DiggingStartsOn is { } digging && digging >= today)
            return new(ResidentInstallationStage.DiggingPlanned, digging);
        if (installation.GridConnectionRequest is { } grid)
        {
            return grid.ConnectedOn is { } connected
                ? new(ResidentInstallationStage.GridConnected, connected)
                : new(ResidentInstallationStage.GridConnectionRequested, grid.RequestedOn, grid.DueOn);
        }
        if (installation[InstallationStep.AcceptedByCpo].DoneOn is { } accepted)
            return new(ResidentInstallationStage.Preparing, accepted);
        return new(ResidentInstallationStage.Assigned, installation.OpenedOn);
    }
}
