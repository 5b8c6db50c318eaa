using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataQualityKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LatencySeconds",
                table: "ContractFindings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MeasuredPercent",
                table: "ContractFindings",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinimumPercent",
                table: "ContractFindings",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Month",
                table: "ContractFindings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataQualitySnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Evses = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    TimelyEvents = table.Column<int>(type: "INTEGER", nullable: false),
                    StaleEvses = table.Column<int>(type: "INTEGER", nullable: false),
                    SilentSuspects = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargingWithoutSession = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionsWithoutCharging = table.Column<int>(type: "INTEGER", nullable: false),
                    OverloadedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FutureEvents = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateEvents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualitySnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQualitySnapshots_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataQualitySnapshots_OperatorId_Month",
                table: "DataQualitySnapshots",
                columns: new[] { "OperatorId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataQualitySnapshots");

            migrationBuilder.DropColumn(
                name: "LatencySeconds",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "MeasuredPercent",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "MinimumPercent",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "Month",
                table: "ContractFindings");
        }
    }
}
