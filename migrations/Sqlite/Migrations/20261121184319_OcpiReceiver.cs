using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationSourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvseStatusEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcpiConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IncomingTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcpiLocationSnapshots",
                columns: table => new
                {
                    LocationSourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
