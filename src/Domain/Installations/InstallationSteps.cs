namespace Portal.Domain.Installations;

/// <summary>
/// The steps a kind of case has. A new charge point and a relocation (a charge point placed anew, on a spot with its
/// own traffic order) go through all ten. A removal has no location check, grid connection request or commissioning:
/// it is accepted, the neighbours are told, the ground is opened with a dig notification and permission, the charge
/// point is taken away (<see cref="InstallationStep.ChargePointPlaced"/> reads "removed"), the signs and markings
/// go (<see cref="InstallationStep.SignsPlaced"/> reads "removed"), and the applicant and maintenance are told.
/// </summary>
public static class InstallationSteps
{
    private static readonly InstallationStep[] All = Enum.GetValues<InstallationStep>();

    private static readonly InstallationStep[] Removal =
    [
        InstallationStep.AcceptedByCpo,
        InstallationStep.NeighboursInformed,
        InstallationStep.DigNotificationMade,
        InstallationStep.DiggingPermitted,
        InstallationStep.ChargePointPlaced,
        InstallationStep.SignsPlaced,
        InstallationStep.Informed,
    ];

    public static IReadOnlyList<InstallationStep> Of(InstallationCaseKind kind) => kind == InstallationCaseKind.Removal ? Removal : All;

    /// <summary>The step after which the charge point stands somewhere else (placed anew, or taken away): the old spot is then no longer in use.</summary>
    public const InstallationStep ChargePointMoves = InstallationStep.ChargePointPlaced;
}
