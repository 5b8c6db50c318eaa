using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Municipalities;
using static Portal.Domain.Municipalities.PolicyRule;

namespace Portal.Domain.Tests.Municipalities;

public sealed class SettingAMunicipalPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Arnhem = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly PolicyActor Officer = new("user-1", "Olaf Ambtenaar");
    private static readonly PolicySettings Defaults = PolicySettings.Defaults(new EligibilityPolicy(250, 80));

    private static IEnumerable<PolicyRule> Rules(PolicySettings settings) => settings.Problems().Select(p => p.Rule);

    [Fact]
    public void Defaults_TakeTheInstallationNumbers_AndTheAwbTerms()
    {
        var defaults = PolicySettings.Defaults(new EligibilityPolicy(300, 70));

        Assert.Equal(300, defaults.PolicyDistanceMetres);
        Assert.Equal(70, defaults.OccupancyThresholdPercent);
        Assert.Equal(8, defaults.DecisionWeeks);
        Assert.Equal(8, defaults.ExtensionWeeks);
        Assert.Equal(12, defaults.RetentionMonths);
        Assert.Empty(defaults.PermitZones);
        Assert.Single(defaults.RejectReasons);
        Assert.Empty(defaults.Problems());
        Assert.Equal(new EligibilityPolicy(300, 70), defaults.ToEligibilityPolicy());
        Assert.Equal(8, defaults.ToDeadlineSettings().DecisionWeeks);
    }

    [Fact]
    public void InstallationNumbersOutsideTheRange_AreClampedIntoIt_SoTheDefaultsAreAlwaysValid()
    {
        var defaults = PolicySettings.Defaults(new EligibilityPolicy(2500.4, 0));

        Assert.Equal(1000, defaults.PolicyDistanceMetres);
        Assert.Equal(1, defaults.OccupancyThresholdPercent);
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void PolicyDistance_IsFrom25To1000Metres(int metres, bool broken) =>
        Assert.Equal(broken, Rules(Defaults with { PolicyDistanceMetres = metres }).Contains(DistanceOutOfRange));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void OccupancyThreshold_IsFrom1To100Percent(int percent, bool broken) =>
        Assert.Equal(broken, Rules(Defaults with { OccupancyThresholdPercent = percent }).Contains(OccupancyOutOfRange));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void Retention_IsFrom1To120Months(int months, bool broken) =>
        Assert.Equal(broken, Rules(Defaults with { RetentionMonths = months }).Contains(RetentionOutOfRange));

    [Theory]
    [InlineData(0, 25, true, false)]
    [InlineData(1, 1, false, false)]
    [InlineData(100_000, 10_000, false, false)]
    [InlineData(100_001, 10_001, true, true)]
    public void BusyThresholds_AreFrom1kWhAnd1Session(int kwh, int sessions, bool kwhBroken, bool sessionsBroken)
    {
        var rules = Rules(Defaults with { BusyKwhPerMonth = kwh, BusySessionsPerMonth = sessions }).ToList();

        Assert.Equal(kwhBroken, rules.Contains(BusyKwhOutOfRange));
        Assert.Equal(sessionsBroken, rules.Contains(BusySessionsOutOfRange));
    }

    [Fact]
    public void BusyThresholds_Default250KwhOr25Sessions_AndChangesAreInTheHistory()
    {
        Assert.Equal(new Portal.Domain.Audits.Usage.BusyThresholds(250, 25), Defaults.ToBusyThresholds());
        var (policy, _) = MunicipalityPolicy.Create(Arnhem, Defaults, Defaults, Officer, Now);

        var change = policy.Change(Defaults with { BusyKwhPerMonth = 300 }, Officer, Now.AddDays(1));

        Assert.Equal(new PolicyFieldChange("BusyKwhPerMonth", "250", "300"), Assert.Single(change!.Changes));
        Assert.Equal(new Portal.Domain.Audits.Usage.BusyThresholds(300, 25), policy.Settings.ToBusyThresholds());
    }

    [Fact]
    public void APolicyStoredBeforeTheBusyThresholds_ReadsTheDefaults()
    {
        // The policy is stored as one JSON document; one written before the thresholds existed lacks both fields.
        var json = System.Text.Json.JsonSerializer.Serialize(Defaults);
        var old = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.True(old.Remove(nameof(PolicySettings.BusyKwhPerMonth)) && old.Remove(nameof(PolicySettings.BusySessionsPerMonth)));

        var read = System.Text.Json.JsonSerializer.Deserialize<PolicySettings>(old.ToJsonString())!;

        Assert.Equal((250, 25), (read.BusyKwhPerMonth, read.BusySessionsPerMonth));
        Assert.Empty(read.Problems());
    }

    [Fact]
    public void DecisionTermAndExtension_FollowTheDeadlineSettingsRange()
    {
        Assert.Equal([DecisionWeeksOutOfRange, ExtensionWeeksOutOfRange], Rules(Defaults with { DecisionWeeks = 0, ExtensionWeeks = 53 }));
        Assert.Empty(Rules(Defaults with { DecisionWeeks = 1, ExtensionWeeks = 52 }));
    }

    [Fact]
    public void WithoutRejectReasons_ThePolicyIsIncomplete()
    {
        var problem = Assert.Single((Defaults with { RejectReasons = [] }).Problems());

        Assert.Equal(NoRejectReason, problem.Rule);
        Assert.Equal("RejectReasons", problem.Field);
    }

    [Fact]
    public void RejectReasonRows_AreCheckedOneByOne_AndNamedByTheirRow()
    {
        var settings = Defaults with
        {
            RejectReasons =
            [
                new("Te dichtbij", "Er staat al een laadpunt."),
                new("  ", "Tekst zonder titel"),
                new("te DICHTBIJ", ""),
                new(new string('t', RejectReasonTemplate.MaxTitleLength + 1), new string('x', RejectReasonTemplate.MaxTextLength + 1)),
            ],
        };

        var problems = settings.Problems().Select(p => (p.Rule, p.Field)).ToList();

        Assert.Equal(
        [
            (RejectReasonTitleMissing, "RejectReasons[1].Title"),
            (RejectReasonTitleRepeated, "RejectReasons[2].Title"),
            (RejectReasonTextMissing, "RejectReasons[2].Text"),
            (RejectReasonTitleTooLong, "RejectReasons[3].Title"),
            (RejectReasonTextTooLong, "RejectReasons[3].Text"),
        ], problems);
    }

    [Fact]
    public void DutchTextsAreRequired_EnglishOnesAreOptional()
    {
        var settings = Defaults with { Texts = new ResidentTexts(" ", "Daarna hoort u van ons.", IntroEn: null, NextStepsEn: new string('x', ResidentTexts.MaxLength + 1)) };

        Assert.Equal([(ResidentTextMissing, "IntroNl"), (ResidentTextTooLong, "NextStepsEn")], settings.Problems().Select(p => (p.Rule, p.Field)));
    }

    [Fact]
    public void EnglishText_FallsBackToDutch_WhenEmpty()
    {
        var texts = new ResidentTexts("Welkom", "Wat nu", IntroEn: "Welcome", NextStepsEn: " ");

        Assert.Equal("Welcome", texts.Intro(english: true));
        Assert.Equal("Welkom", texts.Intro(english: false));
        Assert.Equal("Wat nu", texts.NextSteps(english: true));
    }

    [Fact]
    public void PermitZones_NeedDistinctNames()
    {
        var settings = Defaults with { PermitZones = [new("Centrum", "{}"), new("centrum ", "{}"), new("", "{}")] };

        Assert.Equal([(PermitZoneNameRepeated, "PermitZones[1].Name"), (PermitZoneNameMissing, "PermitZones[2].Name")], settings.Problems().Select(p => (p.Rule, p.Field)));
    }

    [Fact]
    public void FirstPolicy_RecordsWhatDiffersFromTheDefaults()
    {
        var (policy, change) = MunicipalityPolicy.Create(Arnhem, Defaults, Defaults with { PolicyDistanceMetres = 300, RetentionMonths = 24 }, Officer, Now);

        Assert.Equal(300, policy.Settings.PolicyDistanceMetres);
        Assert.Equal(Arnhem, change.MunicipalityId);
        Assert.Equal("Olaf Ambtenaar", change.ChangedByName);
        Assert.Equal("user-1", change.ChangedByUserId);
        Assert.Equal(Now, change.ChangedAtUtc);
        Assert.Equal([new PolicyFieldChange("PolicyDistanceMetres", "250", "300"), new PolicyFieldChange("RetentionMonths", "12", "24")], change.Changes);
    }

    [Fact]
    public void Change_TrimsTheTexts_RecordsOnlyWhatChanged_AndNothingWhenNothingChanged()
    {
        var (policy, _) = MunicipalityPolicy.Create(Arnhem, Defaults, Defaults, Officer, Now);
        var later = Now.AddDays(1);

        var change = policy.Change(Defaults with { RejectReasons = [new("  Eigen oprit ", " U heeft een oprit. ")] }, Officer, later);

        Assert.Equal(new RejectReasonTemplate("Eigen oprit", "U heeft een oprit."), Assert.Single(policy.Settings.RejectReasons));
        var entry = Assert.Single(change!.Changes);
        Assert.Equal(new PolicyFieldChange("RejectReasons", PolicySettings.DefaultRejectReason.Title, "Eigen oprit"), entry);
        Assert.Equal(later, policy.UpdatedAtUtc);
        Assert.Null(policy.Change(policy.Settings, Officer, later.AddDays(1)));
        Assert.Equal(later, policy.UpdatedAtUtc);
    }

    [Fact]
    public void Change_ThatBreaksARule_IsRefused_AndKeepsTheOldSettings()
    {
        var (policy, _) = MunicipalityPolicy.Create(Arnhem, Defaults, Defaults, Officer, Now);

        var refused = Assert.Throws<DomainRuleViolated>(() => policy.Change(Defaults with { PolicyDistanceMetres = 5 }, Officer, Now));

        Assert.Contains("between 25 and 1000 metres", refused.Message, StringComparison.Ordinal);
        Assert.Equal(250, policy.Settings.PolicyDistanceMetres);
    }

    [Fact]
    public void LongTexts_AreShortenedInTheHistory()
    {
        var changes = PolicySettings.Differences(Defaults, Defaults with { Texts = Defaults.Texts with { IntroNl = new string('a', 100) } });

        var change = Assert.Single(changes);
        Assert.Equal("IntroNl", change.Field);
        Assert.Equal(new string('a', 80) + "…", change.To);
    }
}
