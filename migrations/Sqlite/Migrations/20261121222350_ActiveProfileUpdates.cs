using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActiveProfileUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActiveChargingProfileUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    StartDateTimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChargingRateUnit = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    LimitAtStart = table.Column<decimal>(type: "TEXT", precision: 10, scale: 1, nullable: true),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    JsonHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActiveChargingProfileUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActiveChargingProfileUpdates_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActiveChargingProfileUpdates_ConnectionId_ReceivedAtUtc",
                table: "ActiveChargingProfileUpdates",
                columns: new[] { "ConnectionId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActiveChargingProfileUpdates_ConnectionId_SessionId_StartDateTimeUtc_JsonHash",
                table: "ActiveChargingProfileUpdates",
                columns: new[] { "ConnectionId", "SessionId", "StartDateTimeUtc", "JsonHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActiveChargingProfileUpdates");
        }
    }
}
