using System.Globalization;
using Portal.Domain.Municipalities;

namespace Portal.Features.Policies;

/// <summary>
/// The policy page's form. Numbers are kept as the text that was typed, so a value that is not a
/// number stays in its field with a message instead of disappearing. <see cref="PolicyEditor"/>
/// checks it and turns it into <see cref="PolicySettings"/>.
/// </summary>
public sealed class PolicyForm
{
    public string? PolicyDistanceMetres { get; set; }
    public string? OccupancyThresholdPercent { get; set; }
    public string? DecisionWeeks { get; set; }
    public string? ExtensionWeeks { get; set; }
    public string? RetentionMonths { get; set; }
    public string? BusyKwhPerMonth { get; set; }
    public string? BusySessionsPerMonth { get; set; }
    public List<RejectReasonRow> RejectReasons { get; set; } = [];
    public string? IntroNl { get; set; }
    public string? NextStepsNl { get; set; }
    public string? IntroEn { get; set; }
    public string? NextStepsEn { get; set; }

    public static PolicyForm From(PolicySettings settings) => new()
    {
        PolicyDistanceMetres = Number(settings.PolicyDistanceMetres),
        OccupancyThresholdPercent = Number(settings.OccupancyThresholdPercent),
        DecisionWeeks = Number(settings.DecisionWeeks),
        ExtensionWeeks = Number(settings.ExtensionWeeks),
        RetentionMonths = Number(settings.RetentionMonths),
        BusyKwhPerMonth = Number(settings.BusyKwhPerMonth),
        BusySessionsPerMonth = Number(settings.BusySessionsPerMonth),
        RejectReasons = [.. settings.RejectReasons.Select(r => new RejectReasonRow { Title = r.Title, Text = r.Text })],
        IntroNl = settings.Texts.IntroNl,
        NextStepsNl = settings.Texts.NextStepsNl,
        IntroEn = settings.Texts.IntroEn,
        NextStepsEn = settings.Texts.NextStepsEn,
    };

    /// <summary>The settings this form describes, and the names of the number fields that are not whole numbers (taken as 0).</summary>
    public (PolicySettings Settings, IReadOnlyList<string> NotNumbers) ToSettings(IReadOnlyList<PermitZoneShape> zones)
    {
        var notNumbers = new List<string>();
        int Parse(string? text, string field)
        {
            if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return value;
            notNumbers.Add(field);
            return 0;
        }

        var settings = new PolicySettings(
            Parse(PolicyDistanceMetres, nameof(PolicyDistanceMetres)),
            Parse(OccupancyThresholdPercent, nameof(OccupancyThresholdPercent)),
            Parse(DecisionWeeks, nameof(DecisionWeeks)),
            Parse(ExtensionWeeks, nameof(ExtensionWeeks)),
            Parse(RetentionMonths, nameof(RetentionMonths)),
            zones,
            [.. RejectReasons.Select(r => new RejectReasonTemplate(r.Title ?? "", r.Text ?? ""))],
            new ResidentTexts(IntroNl ?? "", NextStepsNl ?? "", IntroEn, NextStepsEn),
            Parse(BusyKwhPerMonth, nameof(BusyKwhPerMonth)),
            Parse(BusySessionsPerMonth, nameof(BusySessionsPerMonth)));
        return (settings, notNumbers);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class RejectReasonRow
{
    public string? Title { get; set; }
    public string? Text { get; set; }
}
