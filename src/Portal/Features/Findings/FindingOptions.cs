namespace Portal.Features.Findings;

/// <summary>Settings of the findings' response workflow (section <c>Findings</c>).</summary>
internal sealed class FindingOptions
{
    public const string Section = "Findings";

    /// <summary>How many working days (terms calendar) after the Dutch day a finding was found the CPO has to answer; also the new term after a reopening.</summary>
    public int ResponseWorkingDays { get; set; } = 10;
}
