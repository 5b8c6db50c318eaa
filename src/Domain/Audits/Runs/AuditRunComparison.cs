namespace Portal.Domain.Audits.Runs;

/// <summary>One figure of one EVSE that differs between a run and its recomputation ("input" for an EVSE whose input fingerprint differs).</summary>
public sealed record AuditRunDifference(string EvseKey, string Figure, string Stored, string Recomputed);

/// <summary>
/// A recomputation held against a stored run: equal when the combined fingerprint and every EVSE's figures are the
/// same; otherwise exactly what changed: EVSEs only in one of the two, EVSEs whose input changed, and each figure that
/// differs.
/// </summary>
public sealed record AuditRunComparison(bool FingerprintEqual, string StoredFingerprint, string RecomputedFingerprint, IReadOnlyList<AuditRunDifference> Differences)
{
    public const string Missing = "-", InputFigure = "input";

    public bool Equal => FingerprintEqual && Differences.Count == 0;

    public static AuditRunComparison Between(AuditRun run, AuditRunFigures recomputed)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(recomputed);
        var stored = run.Evses.ToDictionary(e => e.EvseKey, StringComparer.Ordinal);
        var again = recomputed.Evses.ToDictionary(e => e.EvseKey, StringComparer.Ordinal);
        var differences = new List<AuditRunDifference>();
        foreach (var key in stored.Keys.Union(again.Keys).Order(StringComparer.Ordinal))
        {
            if (!again.TryGetValue(key, out var now))
            {
                differences.Add(new(key, nameof(AuditRun.Evses), "present", Missing));
                continue;
            }
            if (!stored.TryGetValue(key, out var then))
            {
                differences.Add(new(key, nameof(AuditRun.Evses), Missing, "present"));
                continue;
            }
            if (then.Fingerprint != now.Fingerprint)
                differences.Add(new(key, InputFigure, then.Fingerprint, now.Fingerprint));
            differences.AddRange(then.Figures().Zip(now.Figures())
                .Where(p => p.First.Value != p.Second.Value)
                .Select(p => new AuditRunDifference(key, p.First.Figure, p.First.Value, p.Second.Value)));
        }
        return new AuditRunComparison(run.Fingerprint == recomputed.Fingerprint, run.Fingerprint, recomputed.Fingerprint, differences);
    }
}
