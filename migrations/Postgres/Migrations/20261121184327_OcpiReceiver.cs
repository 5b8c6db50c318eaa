using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OcpiReceiver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvseStatusEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationSourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvseUid = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RawJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvseStatusEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcpiConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IncomingTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcpiLocationSnapshots",
                columns: table => new
                {
                    LocationSourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RawJson = table.Column<string>(type: "text", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiLocationSnapshots", x => x.LocationSourceId);
                    table.ForeignKey(
                        name: "FK_OcpiLocationSnapshots_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvseStatusEvents_LocationSourceId_EvseUid_OccurredAtUtc",
                table: "EvseStatusEvents",
                columns: new[] { "LocationSourceId", "EvseUid", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiConnections_CountryCode_PartyId_Role",
                table: "OcpiConnections",
                columns: new[] { "CountryCode", "PartyId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiConnections_IncomingTokenHash",
                table: "OcpiConnections",
                column: "IncomingTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcpiLocationSnapshots_ConnectionId",
                table: "OcpiLocationSnapshots",
                column: "ConnectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvseStatusEvents");

            migrationBuilder.DropTable(
                name: "OcpiLocationSnapshots");

            migrationBuilder.DropTable(
                name: "OcpiConnections");
        }
    }
}
