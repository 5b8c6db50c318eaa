namespace Portal.Domain.Audits.SmartCharging;

/// <summary>A verdict on one thing the test evidences: a catalogue requirement (set and code), or the contract's power cap (set and code null).</summary>
public sealed record SmartChargingRequirementVerdict(string? SetId, string? Code, SmartChargingVerdict Verdict)
{
    public bool IsPowerCap => Code is null;
}

/// <summary>
/// Which attached requirements the test evidences, and how (docs/decisions/2026-12-smart-charging-test.md):
/// SC-4 (remote control, near real time) fails when a sampled EVSE is not CHARGING_PROFILE_CAPABLE or did not take the
/// profile (an answer or result other than ACCEPTED, or none), and passes when at least one took it and none failed;
/// SC-10 (OCPI 2.2.1 with ChargingProfiles) passes when the CPO's receiver gave any valid answer and fails when none of
/// the calls got one. The contract's power cap is always judged: it fails when a measured EVSE charged above the limit
/// plus the tolerance, passes when at least one was measured and none did. The run fails when any of these fails,
/// passes when all pass, and is otherwise inconclusive.
/// </summary>
public static class SmartChargingVerdicts
{
    public const string SetId = "elaad-2025", RemoteControl = "SC-4", OcpiChargingProfiles = "SC-10";

    public static IReadOnlyList<SmartChargingRequirementVerdict> Judge(IReadOnlyList<EvseObservation> observations, IEnumerable<(string SetId, string Code)> attached)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(attached);
        var codes = attached.Where(a => a.SetId == SetId).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var verdicts = new List<SmartChargingRequirementVerdict>();
        if (codes.Contains(RemoteControl))
            verdicts.Add(new(SetId, RemoteControl, Of(observations.Any(o => o.ControlFailed), observations.Any(o => o.Capable && o.Controlled))));
        if (codes.Contains(OcpiChargingProfiles))
            verdicts.Add(new(SetId, OcpiChargingProfiles, Of(observations.Count > 0 && observations.All(o => o.SyncAnswer is null), observations.Any(o => o.SyncAnswer is not null))));
        verdicts.Add(new(null, null, Of(observations.Any(o => o.Adhered == false), observations.Any(o => o.Adhered == true))));
        return verdicts;
    }

    public static SmartChargingVerdict Overall(IReadOnlyList<SmartChargingRequirementVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return verdicts.Any(v => v.Verdict == SmartChargingVerdict.Fail) ? SmartChargingVerdict.Fail
            : verdicts.Count > 0 && verdicts.All(v => v.Verdict == SmartChargingVerdict.Pass) ? SmartChargingVerdict.Pass
            : SmartChargingVerdict.Inconclusive;
    }

    private static SmartChargingVerdict Of(bool failed, bool passed) =>
        failed ? SmartChargingVerdict.Fail : passed ? SmartChargingVerdict.Pass : SmartChargingVerdict.Inconclusive;
}
