namespace Portal.Domain.Spots;

/// <summary>
/// Which status changes an officer can make to a spot. A spot moves forward through the process; it
/// can be rejected or retired from any open status, and a rejected or reserved spot can go back to
/// candidate when circumstances change. A retired spot is final. A spot in a published traffic order
/// follows the order (<see cref="Spot.FollowOrderPublished"/> and the like), not these changes: while
/// the order stands nobody moves it by hand, except on to realised once installed.
/// </summary>
public static class SpotStatusRule
{
    private static readonly Dictionary<SpotStatus, SpotStatus[]> Allowed = new()
    {
        [SpotStatus.Candidate] = [SpotStatus.Reserved, SpotStatus.Approved, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Reserved] = [SpotStatus.Candidate, SpotStatus.Approved, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Approved] = [SpotStatus.Reserved, SpotStatus.Realised, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Planned] = [],
        [SpotStatus.ReadyForInstallation] = [SpotStatus.Realised],
        [SpotStatus.Realised] = [SpotStatus.Retired],
        [SpotStatus.Rejected] = [SpotStatus.Candidate, SpotStatus.Retired],
        [SpotStatus.Retired] = [],
    };

    public static bool CanMove(SpotStatus from, SpotStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<SpotStatus> NextFrom(SpotStatus from) => Allowed[from];

    /// <summary>The statuses a traffic order can reserve a spot from: approved as a location, or held for an application or a CPO's plan.</summary>
    public static bool CanBeOrdered(SpotStatus status) => status is SpotStatus.Approved or SpotStatus.Reserved;

    /// <summary>A published order holds the spot: planned while objection is possible, then ready for installation.</summary>
    public static bool IsHeldByOrder(SpotStatus status) => status is SpotStatus.Planned or SpotStatus.ReadyForInstallation;
}
