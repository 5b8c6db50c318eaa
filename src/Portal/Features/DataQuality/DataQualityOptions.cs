namespace Portal.Features.DataQuality;

/// <summary>The "Audits" settings the data-quality KPIs use.</summary>
internal sealed class DataQualityOptions
{
    public const string Section = "Audits";

    /// <summary>Below this share of status events on time (within the contract's data latency) in a month, the contract gets a finding.</summary>
    public decimal TimelinessMinPercent { get; set; } = 95m;
}
