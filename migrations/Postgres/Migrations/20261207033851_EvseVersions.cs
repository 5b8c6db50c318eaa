using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EvseVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvseVersionHash",
                table: "EvseStatusEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "OcpiEvseVersions",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RawJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiEvseVersions", x => x.Hash);
                });

            // Events recorded before versions existed keep their EVSE JSON: each becomes a version of its own.
            migrationBuilder.Sql("INSERT INTO \"OcpiEvseVersions\" (\"Hash\", \"RawJson\") SELECT 'event-' || \"Id\", \"RawJson\" FROM \"EvseStatusEvents\";");
            migrationBuilder.Sql("UPDATE \"EvseStatusEvents\" SET \"EvseVersionHash\" = 'event-' || \"Id\";");

            migrationBuilder.DropColumn(
                name: "RawJson",
                table: "EvseStatusEvents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RawJson",
                table: "EvseStatusEvents",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"EvseStatusEvents\" SET \"RawJson\" = COALESCE((SELECT v.\"RawJson\" FROM \"OcpiEvseVersions\" v WHERE v.\"Hash\" = \"EvseStatusEvents\".\"EvseVersionHash\"), '');");

            migrationBuilder.DropTable(
                name: "OcpiEvseVersions");

            migrationBuilder.DropColumn(
                name: "EvseVersionHash",
                table: "EvseStatusEvents");
        }
    }
}
