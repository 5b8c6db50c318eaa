using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;
using Portal.Integration.Accounts;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(PortalUser.MaxDisplayNameLength).IsRequired();
        user.Property(u => u.PreferredCulture).HasMaxLength(PortalUser.MaxCultureLength);
        user.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(u => u.OperatorId).OnDelete(DeleteBehavior.Restrict);
        user.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfficerMembershipConfiguration : IEntityTypeConfiguration<OfficerMembership>
{
    public void Configure(EntityTypeBuilder<OfficerMembership> membership)
    {
        membership.HasKey(m => new { m.UserId, m.MunicipalityId });
        membership.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
