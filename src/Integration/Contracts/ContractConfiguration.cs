using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contracts;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;

namespace Portal.Integration.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> contract)
    {
        contract.HasKey(c => c.Id);
        contract.Property(c => c.Id).ValueGeneratedNever();
        contract.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        contract.Property(c => c.ApplicationsHandledBy).HasConversion<string>().HasMaxLength(20);
        contract.Property(c => c.Reference).HasMaxLength(Contract.MaxReferenceLength);
        contract.Property(c => c.LotName).HasMaxLength(Contract.MaxLotLength);
        // A reference is the lead municipality's own: unique among the contracts it leads.
        contract.HasIndex(c => new { c.LeadMunicipalityId, c.Reference }).IsUnique();
        contract.HasIndex(c => c.OperatorId);
        contract.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Restrict);
        contract.HasOne<Municipality>().WithMany().HasForeignKey(c => c.LeadMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        contract.HasMany(c => c.Municipalities).WithOne().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);
        contract.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
        contract.HasMany(c => c.CoverageRules).WithOne().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        contract.HasMany(c => c.EvseRecords).WithOne().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        contract.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ContractId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Contract.Municipalities), nameof(Contract.Versions), nameof(Contract.CoverageRules), nameof(Contract.EvseRecords), nameof(Contract.History) })
            contract.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContractMunicipalityConfiguration : IEntityTypeConfiguration<ContractMunicipality>
{
    public void Configure(EntityTypeBuilder<ContractMunicipality> member)
    {
        member.ToTable("ContractMunicipalities");
        member.HasKey(m => new { m.ContractId, m.MunicipalityId });
        member.HasIndex(m => m.MunicipalityId);
        member.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> version)
    {
        version.ToTable("ContractVersions");
        version.HasKey(v => v.Id);
        // The contract makes the id; "never generated" tells EF that an amendment added to a loaded contract is new.
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
        version.Property(v => v.SignedBy).HasMaxLength(ContractVersion.MaxSignerLength);
        version.Property(v => v.SignedByUserId).HasMaxLength(450);
        version.ComplexProperty(v => v.Extension, extension =>
        {
            extension.Property(e => e.Text).HasMaxLength(ContractVersion.MaxExtensionTextLength);
        });
        version.ComplexProperty(v => v.Terms, terms =>
        {
            terms.ComplexProperty(t => t.TariffCaps);
            terms.ComplexProperty(t => t.SmartCharging);
        });
        version.HasMany(v => v.Requirements).WithOne().HasForeignKey(r => r.ContractVersionId).OnDelete(DeleteBehavior.Cascade);
        version.HasMany(v => v.Penalties).WithOne().HasForeignKey(p => p.ContractVersionId).OnDelete(DeleteBehavior.Cascade);
        version.Navigation(v => v.Requirements).UsePropertyAccessMode(PropertyAccessMode.Field);
        version.Navigation(v => v.Penalties).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AttachedRequirementConfiguration : IEntityTypeConfiguration<AttachedRequirement>
{
    public void Configure(EntityTypeBuilder<AttachedRequirement> requirement)
    {
        requirement.ToTable("ContractRequirements");
        requirement.HasKey(r => r.Id);
        requirement.Property(r => r.SetId).HasMaxLength(40);
        requirement.Property(r => r.Code).HasMaxLength(20);
        requirement.Property(r => r.Section).HasMaxLength(40);
        requirement.Property(r => r.Verification).HasConversion<string>().HasMaxLength(20);
        requirement.HasIndex(r => new { r.ContractVersionId, r.SetId, r.Code }).IsUnique();
        requirement.OwnsMany(r => r.Thresholds, threshold =>
        {
            threshold.ToTable("ContractRequirementThresholds");
            threshold.WithOwner().HasForeignKey("AttachedRequirementId");
            threshold.Property<int>("Id");
            threshold.HasKey("Id");
            threshold.Property(t => t.Metric).HasMaxLength(60);
            threshold.Property(t => t.Limit).HasMaxLength(40);
        });
        requirement.Navigation(r => r.Thresholds).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContractPenaltyConfiguration : IEntityTypeConfiguration<ContractPenalty>
{
    public void Configure(EntityTypeBuilder<ContractPenalty> penalty)
    {
        penalty.ToTable("ContractPenalties");
        penalty.HasKey(p => p.Id);
        penalty.Property(p => p.Term).HasConversion<string>().HasMaxLength(20);
        penalty.Property(p => p.Rule).HasMaxLength(ContractPenalty.MaxRuleLength);
    }
}

internal sealed class CoverageRuleConfiguration : IEntityTypeConfiguration<CoverageRule>
{
    public void Configure(EntityTypeBuilder<CoverageRule> rule)
    {
        rule.ToTable("ContractCoverageRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        rule.Property(r => r.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        rule.Property(r => r.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        rule.HasIndex(r => new { r.ContractId, r.LocationId });
    }
}

internal sealed class CoveredEvseRecordConfiguration : IEntityTypeConfiguration<CoveredEvseRecord>
{
    public void Configure(EntityTypeBuilder<CoveredEvseRecord> record)
    {
        record.ToTable("ContractEvses");
        record.HasKey(r => r.Id);
        record.Property(r => r.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        record.Property(r => r.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        record.Property(r => r.SimultaneityGroup).HasMaxLength(CoveredEvseRecord.MaxGroupLength);
        record.HasIndex(r => new { r.ContractId, r.LocationId, r.EvseUid }).IsUnique();
    }
}

internal sealed class ContractChangeConfiguration : IEntityTypeConfiguration<ContractChange>
{
    public void Configure(EntityTypeBuilder<ContractChange> change)
    {
        change.ToTable("ContractHistory");
        change.HasKey(c => c.Id);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Detail).HasMaxLength(ContractChange.MaxDetailLength);
        change.HasIndex(c => new { c.ContractId, c.AtUtc });
    }
}
