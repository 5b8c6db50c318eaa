using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts;

public sealed class AttachingRequirementsTests
{
    private static readonly Requirement[] SmartChargingSection =
    [
        Connectivity,
        Certificate,
        Requirement("elaad-2025", "SC-7", "smart-charging-all", VerificationKind.Certificate),
        Requirement("elaad-2025", "G-1", "generic", VerificationKind.Declaration),
    ];

    [Fact]
    public void AWholeSection_IsAttachedAtOnce_SkippingWhatIsAlreadyThere()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        contract.AttachRequirement(version.Id, Certificate, Officer, Now);

        // The section smart-charging-all has SC-5, SC-6 and SC-7; SC-6 is attached already, G-1 is another section.
        var added = contract.AttachSection(version.Id, "elaad-2025", "smart-charging-all", SmartChargingSection, Officer, Now);

        Assert.Equal(2, added);
        Assert.Equal(["SC-5", "SC-6", "SC-7"], version.Requirements.Select(r => r.Code).Order());
        Assert.Equal("elaad-2025/smart-charging-all: SC-5, SC-7", contract.History[^1].Detail);
        Assert.Equal(DomainRule.RequirementAlreadyAttached,
            Assert.Throws<DomainRuleViolated>(() => contract.AttachSection(version.Id, "elaad-2025", "smart-charging-all", SmartChargingSection, Officer, Now)).Rule);
    }

    [Fact]
    public void ARequirementAttachedTwice_IsRefused_AndOneNotAttachedCannotBeDetached()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        contract.AttachRequirement(version.Id, Connectivity, Officer, Now);

        Assert.Equal(DomainRule.RequirementAlreadyAttached, Assert.Throws<DomainRuleViolated>(() => contract.AttachRequirement(version.Id, Connectivity, Officer, Now)).Rule);
        contract.DetachRequirement(version.Id, Connectivity.Key, Officer, Now);
        Assert.Empty(version.Requirements);
        Assert.Equal(DomainRule.RequirementNotAttached, Assert.Throws<DomainRuleViolated>(() => contract.DetachRequirement(version.Id, Connectivity.Key, Officer, Now)).Rule);
    }

    [Fact]
    public void AMinimum_MayOnlyBeRaised()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        contract.AttachRequirement(version.Id, Connectivity, Officer, Now);

        // 98 % → 99 % is stricter.
        contract.TightenThreshold(version.Id, Connectivity.Key, "backend_connectivity", "min_percent", 99, Officer, Now);
        var threshold = Assert.Single(Assert.Single(version.Requirements).Thresholds);
        Assert.Equal(99, threshold.Value);
        Assert.Equal(98, threshold.CatalogueValue);
        Assert.True(threshold.IsTightened);
        Assert.Equal("elaad-2025/SC-5 backend_connectivity min_percent: 98 → 99", contract.History[^1].Detail);

        // 97 % is below the catalogue's 98 %: a loosening, refused, and the 99 % stays.
        var e = Assert.Throws<DomainRuleViolated>(() => contract.TightenThreshold(version.Id, Connectivity.Key, "backend_connectivity", "min_percent", 97, Officer, Now));
        Assert.Equal(DomainRule.ThresholdLoosened, e.Rule);
        Assert.Equal(["backend_connectivity", "min_percent", 98m, ThresholdDirection.Minimum], e.Arguments);
        Assert.Equal(99, threshold.Value);

        // Back to the catalogue's own value is allowed: it is not looser than the catalogue.
        contract.TightenThreshold(version.Id, Connectivity.Key, "backend_connectivity", "min_percent", 98, Officer, Now);
        Assert.False(threshold.IsTightened);
    }

    [Fact]
    public void AMaximum_MayOnlyBeLowered()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        contract.AttachRequirement(version.Id, MaxPower, Officer, Now);

        // 13.8 kW → 11 kW is stricter; 22 kW is looser.
        contract.TightenThreshold(version.Id, MaxPower.Key, "max_power_per_charge_point", "max_kw", 11, Officer, Now);
        var e = Assert.Throws<DomainRuleViolated>(() => contract.TightenThreshold(version.Id, MaxPower.Key, "max_power_per_charge_point", "max_kw", 22, Officer, Now));

        Assert.Equal(DomainRule.ThresholdLoosened, e.Rule);
        Assert.Equal(11, version.Requirements[0].Thresholds[0].Value);
    }

    [Fact]
    public void ALimitWithoutDirection_OrOneTheRequirementLacks_CannotBeTightened()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        var restarts = Requirement("scr-por-2016", "POR-23", "mode3", VerificationKind.FieldAudit, Threshold("restart_attempts_after_overcurrent", "count", 3));
        contract.AttachRequirement(version.Id, restarts, Officer, Now);

        Assert.Equal(DomainRule.ThresholdHasNoDirection,
            Assert.Throws<DomainRuleViolated>(() => contract.TightenThreshold(version.Id, restarts.Key, "restart_attempts_after_overcurrent", "count", 2, Officer, Now)).Rule);
        Assert.Equal(DomainRule.ThresholdNotInRequirement,
            Assert.Throws<DomainRuleViolated>(() => contract.TightenThreshold(version.Id, restarts.Key, "availability", "min_percent", 99, Officer, Now)).Rule);
    }

    [Fact]
    public void DefaultTerms_TakeTheCataloguesAvailabilityAndConnectivity()
    {
        // A catalogue that (unlike the seed) asks 96 % availability and 99 % connectivity.
        var catalogue = new RequirementCatalogue(1,
        [
            new RequirementSet("test", "Test", null, "test.txt", "",
            [
                Requirement("test", "A", "quality", VerificationKind.OcpiData, Threshold("availability", "min_percent", 96)),
                Requirement("test", "B", "quality", VerificationKind.OcpiData, Threshold("backend_connectivity", "min_percent", 99)),
            ]),
        ]);

        var terms = ContractTerms.Defaults(catalogue);
        var withoutCatalogue = ContractTerms.Defaults(null);

        Assert.Equal((96m, 99m, 60), (terms.AvailabilityPercentPerYear, terms.ConnectivityPercentPerMonth, terms.DataLatencySeconds));
        Assert.Equal((95m, 98m), (withoutCatalogue.AvailabilityPercentPerYear, withoutCatalogue.ConnectivityPercentPerMonth));
        Assert.Equal((new TimeOnly(16, 0), new TimeOnly(21, 0)), (terms.SmartCharging.WindowStart, terms.SmartCharging.WindowEnd));
    }
}
