using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Persistence;

/// <summary>
/// What the model needs on SQL Server only. Applied after the shared configurations, so the SQLite and
/// PostgreSQL models, and their migrations, stay as they are. The rest of SQL Server's mapping is EF Core's
/// own and right as it is: UTC <see cref="DateTime"/> as datetime2 (100 ns, the full .NET precision; read back
/// without a kind, as on SQLite), <see cref="DateOnly"/> as date, <see cref="Guid"/> as uniqueidentifier,
/// int keys as IDENTITY, indexed strings without a length as nvarchar(450), and a unique index on a nullable
/// column filtered to <c>IS NOT NULL</c> (SQL Server would otherwise allow only one NULL).
/// </summary>
internal static class SqlServerModel
{
    /// <summary>OCPI numbers (kWh, hours, prices) carry 4 decimals; 14 digits before the point is plenty.</summary>
    private const int DecimalPrecision = 18, DecimalScale = 4;

    /// <summary>ASP.NET Core's own SQL Server schema uses this for the string parts of Identity's composite keys.</summary>
    private const int IdentityKeyLength = 128;

    public static void Apply(ModelBuilder builder)
    {
        // Without a precision SQL Server makes decimal(18,2) and would round kWh and prices silently
        // (PostgreSQL keeps numeric unbounded, SQLite text).
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal) && property.GetPrecision() is null)
            {
                property.SetPrecision(DecimalPrecision);
                property.SetScale(DecimalScale);
            }
        }

        // Two or three nvarchar(450) columns in one primary key exceed the 900 bytes of a clustered index key.
        builder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.Property(l => l.LoginProvider).HasMaxLength(IdentityKeyLength);
            login.Property(l => l.ProviderKey).HasMaxLength(IdentityKeyLength);
        });
        builder.Entity<IdentityUserToken<string>>(token =>
        {
            token.Property(t => t.LoginProvider).HasMaxLength(IdentityKeyLength);
            token.Property(t => t.Name).HasMaxLength(IdentityKeyLength);
        });
    }
}
