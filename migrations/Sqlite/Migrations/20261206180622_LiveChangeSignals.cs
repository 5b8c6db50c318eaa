using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LiveChangeSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeSignals",
                columns: table => new
                {
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeSignals", x => x.Topic);
                });

            migrationBuilder.InsertData(
                table: "ChangeSignals",
                columns: new[] { "Topic", "ChangedAtUtc", "Version" },
                values: new object[,]
                {
                    { "Applications", new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Utc), 0L },
                    { "ChargePoints", new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Utc), 0L },
                    { "Municipalities", new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Utc), 0L },
                    { "OcpiConnections", new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Utc), 0L },
                    { "Spots", new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Utc), 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeSignals");
        }
    }
}
