using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Power;

namespace Portal.Integration.Contracts.Power;

internal sealed class GridConnectionConfiguration : IEntityTypeConfiguration<GridConnection>
{
    public void Configure(EntityTypeBuilder<GridConnection> connection)
    {
        connection.ToTable("ContractGridConnections");
        connection.HasKey(g => g.Id);
        connection.Property(g => g.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        connection.Property(g => g.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        connection.Property(g => g.CapacityKw).HasPrecision(10, 3);
        connection.HasIndex(g => new { g.ContractId, g.LocationId, g.EvseUid }).IsUnique();
        connection.HasOne<Contract>().WithMany(c => c.GridConnections).HasForeignKey(g => g.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractGridConnectionsConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> contract) =>
        contract.Navigation(c => c.GridConnections).UsePropertyAccessMode(PropertyAccessMode.Field);
}
