using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataQualityFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Flagged",
                table: "OcpiPullRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Refused",
                table: "OcpiPullRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OpenFindings",
                table: "OcpiLocationSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "StrictValidation",
                table: "OcpiConnections",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DataQualityFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationSourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimesSeen = table.Column<int>(type: "INTEGER", nullable: false),
                    ClearedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualityFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQualityFindings_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcpiPullRefusals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiPullRefusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcpiPullRefusals_OcpiPullRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "OcpiPullRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataQualityFindings_ConnectionId_LocationSourceId_EvseUid_ConnectorId_Rule",
                table: "DataQualityFindings",
                columns: new[] { "ConnectionId", "LocationSourceId", "EvseUid", "ConnectorId", "Rule" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataQualityFindings_ConnectionId_Rule_ClearedAtUtc",
                table: "DataQualityFindings",
                columns: new[] { "ConnectionId", "Rule", "ClearedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiPullRefusals_RunId",
                table: "OcpiPullRefusals",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataQualityFindings");

            migrationBuilder.DropTable(
                name: "OcpiPullRefusals");

            migrationBuilder.DropColumn(
                name: "Flagged",
                table: "OcpiPullRuns");

            migrationBuilder.DropColumn(
                name: "Refused",
                table: "OcpiPullRuns");

            migrationBuilder.DropColumn(
                name: "OpenFindings",
                table: "OcpiLocationSnapshots");

            migrationBuilder.DropColumn(
                name: "StrictValidation",
                table: "OcpiConnections");
        }
    }
}
