using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;

namespace Portal.Domain.Audits.SmartCharging;

/// <summary>
/// The charging profile a smart-charging test sets: one period from the start at the contract's power cap (the lowest
/// limit the contract lets the municipality ask, so the test never asks more than the contract allows), for a short
/// time, with the purpose written down so the CPO and the driver can see why their session was limited.
/// </summary>
public sealed record SmartChargingTestProfile(decimal LimitKw, int DurationSeconds, string Purpose)
{
    public const int MinDurationSeconds = 60, MaxDurationSeconds = 3600, MaxPurposeLength = 300;

    /// <summary>The limit in W with at most one decimal, as OCPI's charging_rate_unit W carries it.</summary>
    public decimal LimitWatts => decimal.Round(LimitKw * 1000m, 1);

    /// <summary>
    /// The profile for a contract's obligation: refused when the contract asks no smart charging or names no power cap
    /// (then the portal may not limit anyone's charging), or when the duration is not short.
    /// </summary>
    public static SmartChargingTestProfile For(SmartChargingObligation obligation, int durationSeconds, string contractReference, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (!obligation.Required || obligation.PowerCapKw is not > 0m)
            throw new DomainRuleViolated(DomainRule.SmartChargingNotRequired, "The contract asks no smart charging with a power cap.");
        if (durationSeconds is < MinDurationSeconds or > MaxDurationSeconds)
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), $"A test profile lasts {MinDurationSeconds} to {MaxDurationSeconds} seconds.");
        var cap = obligation.PowerCapKw.Value;
        var purpose = string.Create(CultureInfo.InvariantCulture,
            $"Smart-charging compliance test of contract {contractReference} on {day:yyyy-MM-dd}: at most {cap} kW for {durationSeconds / 60} minutes, as the contract allows.");
        return new SmartChargingTestProfile(cap, durationSeconds, purpose.Length > MaxPurposeLength ? purpose[..MaxPurposeLength] : purpose);
    }
}
