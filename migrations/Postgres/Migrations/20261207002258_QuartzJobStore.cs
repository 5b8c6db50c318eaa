using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Integration.Persistence;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The Quartz job store (clustered on PostgreSQL), see QuartzSchema: raw SQL only, the portal's model
    /// does not change, so this migration has no target model of its own. Kept apart from the baseline
    /// because it leaves with Quartz.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261207002258_QuartzJobStore")]
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Create)
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Drop)
                migrationBuilder.Sql(statement);
        }
    }
}
