namespace Portal.Domain.Spots;

/// <summary>
/// Which status changes a spot allows. A spot moves forward through the process; it can be
/// rejected or retired from any open status, and a rejected or reserved spot can go back to
/// candidate when circumstances change. A retired spot is final.
/// </summary>
public static class SpotStatusRule
{
    private static readonly Dictionary<SpotStatus, SpotStatus[]> Allowed = new()
    {
        [SpotStatus.Candidate] = [SpotStatus.Reserved, SpotStatus.Approved, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Reserved] = [SpotStatus.Candidate, SpotStatus.Approved, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Approved] = [SpotStatus.Reserved, SpotStatus.Realised, SpotStatus.Rejected, SpotStatus.Retired],
        [SpotStatus.Realised] = [SpotStatus.Retired],
        [SpotStatus.Rejected] = [SpotStatus.Candidate, SpotStatus.Retired],
        [SpotStatus.Retired] = [],
    };

    public static bool CanMove(SpotStatus from, SpotStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<SpotStatus> NextFrom(SpotStatus from) => Allowed[from];
}
