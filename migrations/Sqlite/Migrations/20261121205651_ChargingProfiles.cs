using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChargingProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChargingProfileRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Limit = table.Column<decimal>(type: "TEXT", precision: 10, scale: 1, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: true),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    OcpiStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    SyncResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    AsyncResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DelayMilliseconds = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CallRequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingProfileRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingProfileRequests_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_ConnectionId_SentAtUtc",
                table: "ChargingProfileRequests",
                columns: new[] { "ConnectionId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_State",
                table: "ChargingProfileRequests",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChargingProfileRequests");
        }
    }
}
