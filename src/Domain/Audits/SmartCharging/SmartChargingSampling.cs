using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Contracts;

namespace Portal.Domain.Audits.SmartCharging;

/// <summary>An active session on a covered EVSE: a place the test can set a profile.</summary>
public sealed record SessionCandidate(EvseRef Evse, string SessionId);

/// <summary>A drawn session with its place in the draw (1, 2, …).</summary>
public sealed record SampledSession(int Position, EvseRef Evse, string SessionId);

/// <summary>
/// Draws the sessions a smart-charging test sets a profile for: one active session per covered EVSE (the lowest session
/// id when an EVSE reports more than one), the EVSEs in key order (location, then uid, ordinal), then a partial
/// Fisher-Yates shuffle with <see cref="SplitMix64"/> from the recorded seed: for i = 0 … k-1, j = i + Below(N - i),
/// swap i and j; the first k are the sample, in draw order. The same candidates and seed give the same sample anywhere.
/// </summary>
public static class SmartChargingSampling
{
    public const int MaxSize = 50;

    public static IReadOnlyList<SampledSession> Draw(IEnumerable<SessionCandidate> candidates, int size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (size is < 1 or > MaxSize)
            throw new Common.DomainRuleViolated(Common.DomainRule.SmartChargingSampleSize, $"A sample has 1 to {MaxSize} sessions.", MaxSize);
        var pool = candidates
            .OrderBy(c => c.Evse.LocationId, StringComparer.Ordinal).ThenBy(c => c.Evse.EvseUid, StringComparer.Ordinal).ThenBy(c => c.SessionId, StringComparer.Ordinal)
            .GroupBy(c => c.Evse)
            .Select(g => g.First())
            .ToList();
        var k = Math.Min(size, pool.Count);
        var random = new SplitMix64(seed);
        for (var i = 0; i < k; i++)
        {
            var j = i + (int)random.Below((ulong)(pool.Count - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(k).Select((c, i) => new SampledSession(i + 1, c.Evse, c.SessionId)).ToList();
    }
}
