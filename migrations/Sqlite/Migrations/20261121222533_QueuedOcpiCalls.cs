using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueuedOcpiCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChargingProfileRequests_ConnectionId_SentAtUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropIndex(
                name: "IX_ChargingProfileRequests_State",
                table: "ChargingProfileRequests");

            migrationBuilder.AlterColumn<DateTime>(
                name: "SentAtUtc",
                table: "ChargingProfileRequests",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ChargingProfileRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "ChargingProfileRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAtUtc",
                table: "ChargingProfileRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "QueuedAtUtc",
                table: "ChargingProfileRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "ResponseUrl",
                table: "ChargingProfileRequests",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ChargingProfileRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_ConnectionId_QueuedAtUtc",
                table: "ChargingProfileRequests",
                columns: new[] { "ConnectionId", "QueuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_State_NextAttemptAtUtc",
                table: "ChargingProfileRequests",
                columns: new[] { "State", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChargingProfileRequests_ConnectionId_QueuedAtUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropIndex(
                name: "IX_ChargingProfileRequests_State_NextAttemptAtUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "NextAttemptAtUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "QueuedAtUtc",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "ResponseUrl",
                table: "ChargingProfileRequests");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ChargingProfileRequests");

            migrationBuilder.AlterColumn<DateTime>(
                name: "SentAtUtc",
                table: "ChargingProfileRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_ConnectionId_SentAtUtc",
                table: "ChargingProfileRequests",
                columns: new[] { "ConnectionId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileRequests_State",
                table: "ChargingProfileRequests",
                column: "State");
        }
    }
}
