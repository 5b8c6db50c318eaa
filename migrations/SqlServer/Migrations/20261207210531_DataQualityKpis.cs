using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MeasuredPercent",
                table: "ContractFindings",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinimumPercent",
                table: "ContractFindings",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Month",
                table: "ContractFindings",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataQualitySnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OperatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Evses = table.Column<int>(type: "int", nullable: false),
                    Events = table.Column<int>(type: "int", nullable: false),
                    TimelyEvents = table.Column<int>(type: "int", nullable: false),
                    StaleEvses = table.Column<int>(type: "int", nullable: false),
                    SilentSuspects = table.Column<int>(type: "int", nullable: false),
                    ChargingWithoutSession = table.Column<int>(type: "int", nullable: false),
                    SessionsWithoutCharging = table.Column<int>(type: "int", nullable: false),
                    OverloadedDays = table.Column<int>(type: "int", nullable: false),
                    FutureEvents = table.Column<int>(type: "int", nullable: false),
                    DuplicateEvents = table.Column<int>(type: "int", nullable: false)
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
