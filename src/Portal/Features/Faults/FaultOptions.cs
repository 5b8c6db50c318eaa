namespace Portal.Features.Faults;

/// <summary>Settings of the public fault form (section <c>Faults</c>).</summary>
internal sealed class FaultOptions
{
    public const string Section = "Faults";

    /// <summary>A form sent back sooner than this after it was shown is taken for a robot and refused (what was typed is kept).</summary>
    public int MinimumSecondsToFillIn { get; set; } = 4;

    /// <summary>How many reports one network address may send per hour (per node).</summary>
    public int ReportsPerAddressPerHour { get; set; } = 10;

    /// <summary>How long a reporter's e-mail address is kept after the report was resolved.</summary>
    public int EmailRetentionDays { get; set; } = 90;
}
