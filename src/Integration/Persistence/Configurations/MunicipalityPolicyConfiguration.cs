using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;

namespace Portal.Integration.Persistence.Configurations;

/// <summary>
/// One row per municipality. The settings are one JSON document (the lists of zones, templates
/// and texts belong together and are always read whole), stored as text on both providers.
/// </summary>
internal sealed class MunicipalityPolicyConfiguration : IEntityTypeConfiguration<MunicipalityPolicy>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<MunicipalityPolicy> policy)
    {
        policy.ToTable("MunicipalityPolicies");
        policy.HasKey(p => p.MunicipalityId);
        policy.HasOne<Municipality>().WithOne().HasForeignKey<MunicipalityPolicy>(p => p.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        policy.Property(p => p.Settings)
            .HasConversion(s => JsonSerializer.Serialize(s, Json), json => JsonSerializer.Deserialize<PolicySettings>(json, Json)!)
            .Metadata.SetValueComparer(new ValueComparer<PolicySettings>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                s => JsonSerializer.Serialize(s, Json).GetHashCode(StringComparison.Ordinal),
                s => s));
        policy.Property(p => p.Settings).IsRequired();
    }
}

internal sealed class MunicipalityPolicyChangeConfiguration : IEntityTypeConfiguration<MunicipalityPolicyChange>
{
    public void Configure(EntityTypeBuilder<MunicipalityPolicyChange> change)
    {
        change.ToTable("MunicipalityPolicyHistory");
        change.HasKey(c => c.Id);
        change.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        change.Property(c => c.ChangedByUserId).HasMaxLength(450);
        change.Property(c => c.ChangedByName).HasMaxLength(100).IsRequired();
        change.Property(c => c.Changes)
            .HasConversion(
                c => JsonSerializer.Serialize(c, MunicipalityPolicyConfiguration.Json),
                json => JsonSerializer.Deserialize<List<PolicyFieldChange>>(json, MunicipalityPolicyConfiguration.Json) ?? new List<PolicyFieldChange>())
            .Metadata.SetValueComparer(new ValueComparer<IReadOnlyList<PolicyFieldChange>>(
                (a, b) => a!.SequenceEqual(b!),
                c => c.Count,
                c => c.ToList()));
        change.Property(c => c.Changes).IsRequired();
        change.HasIndex(c => new { c.MunicipalityId, c.ChangedAtUtc });
    }
}
