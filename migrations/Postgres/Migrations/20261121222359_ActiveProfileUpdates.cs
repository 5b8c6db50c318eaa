using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    StartDateTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChargingRateUnit = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    LimitAtStart = table.Column<decimal>(type: "numeric(10,1)", precision: 10, scale: 1, nullable: true),
                    RawJson = table.Column<string>(type: "text", nullable: false),
                    JsonHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                name: "IX_ActiveChargingProfileUpdates_ConnectionId_SessionId_StartDa~",
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
