using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Audits.Usage;
using Portal.Domain.Eligibility;

namespace Portal.Domain.Municipalities;

/// <summary>
/// Everything a municipality decides for itself about charge-point applications: the policy
/// distance and occupancy threshold of the eligibility rule, the decision term, how long closed
/// applications are kept, the permit zones, the reject-reason templates, the texts residents read, and
/// from how many kWh or sessions a month a charge point counts as busy in the usage reports (policies
/// stored before those existed read the defaults).
/// </summary>
public sealed record PolicySettings(
    int PolicyDistanceMetres,
    int OccupancyThresholdPercent,
    int DecisionWeeks,
    int ExtensionWeeks,
    int RetentionMonths,
    IReadOnlyList<PermitZoneShape> PermitZones,
    IReadOnlyList<RejectReasonTemplate> RejectReasons,
    ResidentTexts Texts,
    int BusyKwhPerMonth = BusyThresholds.DefaultKwh,
    int BusySessionsPerMonth = BusyThresholds.DefaultSessions)
{
    public const int MinDistanceMetres = 25, MaxDistanceMetres = 1000;
    public const int MinOccupancyPercent = 1, MaxOccupancyPercent = 100;
    public const int MinRetentionMonths = 1, MaxRetentionMonths = 120;
    public const int DefaultRetentionMonths = 12;
    public const int MaxRejectReasons = 30;
    public const int MaxPermitZones = 50;

    public const string DefaultIntroNl =
        "Heeft u een elektrische auto en geen eigen oprit of parkeerplaats? Dan kunt u een openbaar laadpunt bij uw woning aanvragen. " +
        "We kijken eerst of er al een laadpunt in de buurt staat.";

    public const string DefaultNextStepsNl =
        "We hebben uw aanvraag ontvangen. Een medewerker van de gemeente beoordeelt hem en u hoort binnen de beslistermijn wat we besluiten. " +
        "U volgt uw aanvraag op de pagina Mijn aanvragen.";

    public static readonly RejectReasonTemplate DefaultRejectReason = new(
        "Laadpunt binnen de beleidsafstand",
        "Binnen de afstand die ons beleid aanhoudt staat al een openbaar laadpunt dat niet zwaar bezet is. U kunt daar laden.");

    /// <summary>When a charge point counts as busy in the usage reports.</summary>
    public BusyThresholds ToBusyThresholds() => new(BusyKwhPerMonth, BusySessionsPerMonth);

    public EligibilityPolicy ToEligibilityPolicy() => new(PolicyDistanceMetres, OccupancyThresholdPercent);

    /// <summary>Throws when the terms are out of range; call <see cref="Problems"/> first to show every message.</summary>
    public DecisionDeadlineSettings ToDeadlineSettings() => new(DecisionWeeks, ExtensionWeeks);

    /// <summary>What applies while a municipality has not set its own policy: the installation-wide eligibility numbers and the Awb terms.</summary>
    public static PolicySettings Defaults(EligibilityPolicy eligibility) => new(
        (int)Math.Round(Math.Clamp(eligibility.PolicyDistanceMetres, MinDistanceMetres, MaxDistanceMetres)),
        Math.Clamp(eligibility.OccupancyThresholdPercent, MinOccupancyPercent, MaxOccupancyPercent),
        DecisionDeadlineSettings.Default.DecisionWeeks,
        DecisionDeadlineSettings.Default.ExtensionWeeks,
        DefaultRetentionMonths,
        [],
        [DefaultRejectReason],
        new ResidentTexts(DefaultIntroNl, DefaultNextStepsNl));

    /// <summary>Every broken rule, in the order of the form; empty when the settings can be saved.</summary>
    public IReadOnlyList<PolicyProblem> Problems()
    {
        var problems = new List<PolicyProblem>();
        void Add(PolicyRule rule, string field, string message) => problems.Add(new PolicyProblem(rule, field, message));

        if (PolicyDistanceMetres is < MinDistanceMetres or > MaxDistanceMetres)
            Add(PolicyRule.DistanceOutOfRange, nameof(PolicyDistanceMetres), $"The policy distance is between {MinDistanceMetres} and {MaxDistanceMetres} metres.");
        if (OccupancyThresholdPercent is < MinOccupancyPercent or > MaxOccupancyPercent)
            Add(PolicyRule.OccupancyOutOfRange, nameof(OccupancyThresholdPercent), $"The occupancy threshold is between {MinOccupancyPercent} and {MaxOccupancyPercent} %.");
        if (DecisionWeeks is < 1 or > DecisionDeadlineSettings.MaxWeeks)
            Add(PolicyRule.DecisionWeeksOutOfRange, nameof(DecisionWeeks), $"The decision term is between 1 and {DecisionDeadlineSettings.MaxWeeks} weeks.");
        if (ExtensionWeeks is < 1 or > DecisionDeadlineSettings.MaxWeeks)
            Add(PolicyRule.ExtensionWeeksOutOfRange, nameof(ExtensionWeeks), $"The extension is between 1 and {DecisionDeadlineSettings.MaxWeeks} weeks.");
        if (RetentionMonths is < MinRetentionMonths or > MaxRetentionMonths)
            Add(PolicyRule.RetentionOutOfRange, nameof(RetentionMonths), $"Closed applications are kept between {MinRetentionMonths} and {MaxRetentionMonths} months.");
        var busy = ToBusyThresholds();
        if (!busy.KwhInRange)
            Add(PolicyRule.BusyKwhOutOfRange, nameof(BusyKwhPerMonth), $"A point is busy from between {BusyThresholds.MinKwh} and {BusyThresholds.MaxKwh} kWh a month.");
        if (!busy.SessionsInRange)
            Add(PolicyRule.BusySessionsOutOfRange, nameof(BusySessionsPerMonth), $"A point is busy from between {BusyThresholds.MinSessions} and {BusyThresholds.MaxSessions} sessions a month.");

        if (RejectReasons.Count == 0)
            Add(PolicyRule.NoRejectReason, nameof(RejectReasons), "At least one reject reason is needed.");
        if (RejectReasons.Count > MaxRejectReasons)
            Add(PolicyRule.TooManyRejectReasons, nameof(RejectReasons), $"At most {MaxRejectReasons} reject reasons.");
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < RejectReasons.Count; i++)
        {
            var (title, text) = (RejectReasons[i].Title?.Trim() ?? "", RejectReasons[i].Text?.Trim() ?? "");
            var at = Row(nameof(RejectReasons), i);
            if (title.Length == 0)
                Add(PolicyRule.RejectReasonTitleMissing, at + ".Title", $"Reject reason {i + 1} needs a title.");
            else if (title.Length > RejectReasonTemplate.MaxTitleLength)
                Add(PolicyRule.RejectReasonTitleTooLong, at + ".Title", $"The title of reject reason {i + 1} has at most {RejectReasonTemplate.MaxTitleLength} characters.");
            else if (!titles.Add(title))
                Add(PolicyRule.RejectReasonTitleRepeated, at + ".Title", $"The title of reject reason {i + 1} is used twice.");
            if (text.Length == 0)
                Add(PolicyRule.RejectReasonTextMissing, at + ".Text", $"Reject reason {i + 1} needs a text.");
            else if (text.Length > RejectReasonTemplate.MaxTextLength)
                Add(PolicyRule.RejectReasonTextTooLong, at + ".Text", $"The text of reject reason {i + 1} has at most {RejectReasonTemplate.MaxTextLength} characters.");
        }

        CheckText(Texts.IntroNl, nameof(ResidentTexts.IntroNl), required: true);
        CheckText(Texts.NextStepsNl, nameof(ResidentTexts.NextStepsNl), required: true);
        CheckText(Texts.IntroEn, nameof(ResidentTexts.IntroEn), required: false);
        CheckText(Texts.NextStepsEn, nameof(ResidentTexts.NextStepsEn), required: false);

        if (PermitZones.Count > MaxPermitZones)
            Add(PolicyRule.TooManyPermitZones, nameof(PermitZones), $"At most {MaxPermitZones} permit zones.");
        var zoneNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < PermitZones.Count; i++)
        {
            var name = PermitZones[i].Name?.Trim() ?? "";
            var at = Row(nameof(PermitZones), i) + ".Name";
            if (name.Length == 0)
                Add(PolicyRule.PermitZoneNameMissing, at, $"Permit zone {i + 1} needs a name.");
            else if (name.Length > PermitZoneShape.MaxNameLength)
                Add(PolicyRule.PermitZoneNameTooLong, at, $"The name of permit zone {i + 1} has at most {PermitZoneShape.MaxNameLength} characters.");
            else if (!zoneNames.Add(name))
                Add(PolicyRule.PermitZoneNameRepeated, at, $"The permit zone name \"{name}\" is used twice.");
        }
        return problems;

        void CheckText(string? value, string field, bool required)
        {
            var text = value?.Trim() ?? "";
            if (required && text.Length == 0)
                Add(PolicyRule.ResidentTextMissing, field, "This text for residents is required (in Dutch).");
            else if (text.Length > ResidentTexts.MaxLength)
                Add(PolicyRule.ResidentTextTooLong, field, $"This text has at most {ResidentTexts.MaxLength} characters.");
        }
    }

    /// <summary>The same settings with surrounding spaces removed and empty English texts as null.</summary>
    public PolicySettings Normalised() => this with
    {
        PermitZones = [.. PermitZones.Select(z => z with { Name = z.Name.Trim() })],
        RejectReasons = [.. RejectReasons.Select(r => new RejectReasonTemplate(r.Title.Trim(), r.Text.Trim()))],
        Texts = new ResidentTexts(Texts.IntroNl.Trim(), Texts.NextStepsNl.Trim(), Blank(Texts.IntroEn), Blank(Texts.NextStepsEn)),
    };

    /// <summary>What differs between two versions, one entry per setting, for the change history.</summary>
    public static IReadOnlyList<PolicyFieldChange> Differences(PolicySettings before, PolicySettings after)
    {
        var changes = new List<PolicyFieldChange>();
        void Number(string field, int from, int to)
        {
            if (from != to)
                changes.Add(new PolicyFieldChange(field, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture)));
        }
        void Text(string field, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal))
                changes.Add(new PolicyFieldChange(field, Shorten(from), Shorten(to)));
        }

        Number(nameof(PolicyDistanceMetres), before.PolicyDistanceMetres, after.PolicyDistanceMetres);
        Number(nameof(OccupancyThresholdPercent), before.OccupancyThresholdPercent, after.OccupancyThresholdPercent);
        Number(nameof(DecisionWeeks), before.DecisionWeeks, after.DecisionWeeks);
        Number(nameof(ExtensionWeeks), before.ExtensionWeeks, after.ExtensionWeeks);
        Number(nameof(RetentionMonths), before.RetentionMonths, after.RetentionMonths);
        Number(nameof(BusyKwhPerMonth), before.BusyKwhPerMonth, after.BusyKwhPerMonth);
        Number(nameof(BusySessionsPerMonth), before.BusySessionsPerMonth, after.BusySessionsPerMonth);
        if (!before.PermitZones.SequenceEqual(after.PermitZones))
            changes.Add(new PolicyFieldChange(nameof(PermitZones), Names(before.PermitZones.Select(z => z.Name)), Names(after.PermitZones.Select(z => z.Name))));
        if (!before.RejectReasons.SequenceEqual(after.RejectReasons))
            changes.Add(new PolicyFieldChange(nameof(RejectReasons), Names(before.RejectReasons.Select(r => r.Title)), Names(after.RejectReasons.Select(r => r.Title))));
        Text(nameof(ResidentTexts.IntroNl), before.Texts.IntroNl, after.Texts.IntroNl);
        Text(nameof(ResidentTexts.NextStepsNl), before.Texts.NextStepsNl, after.Texts.NextStepsNl);
        Text(nameof(ResidentTexts.IntroEn), before.Texts.IntroEn, after.Texts.IntroEn);
        Text(nameof(ResidentTexts.NextStepsEn), before.Texts.NextStepsEn, after.Texts.NextStepsEn);
        return changes;
    }

    private static string Row(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private static string? Shorten(string? text) => text is null ? null : text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>One setting that changed: its name and the old and new value as shown in the history (long texts shortened).</summary>
public sealed record PolicyFieldChange(string Field, string? From, string? To);
