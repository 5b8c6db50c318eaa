namespace Portal.Features.SmartCharging;

/// <summary>The "SmartCharging" configuration section: how a smart-charging compliance test is run.</summary>
internal sealed class SmartChargingOptions
{
    public const string Section = "SmartCharging";

    /// <summary>At most this many active sessions (one per covered EVSE) get a test profile per run.</summary>
    public int SampleSize { get; set; } = 10;

    /// <summary>How long the test profile is in force.</summary>
    public int ProfileMinutes { get; set; } = 15;

    /// <summary>How far above the limit the CDR's power may be and still adhere, in percent of the limit.</summary>
    public decimal TolerancePercent { get; set; } = Domain.Audits.SmartCharging.ChargingPeriodPower.DefaultTolerancePercent;

    /// <summary>How long a run waits for answers, results and CDRs before it completes with what it has.</summary>
    public int WaitMinutes { get; set; } = 240;
}
