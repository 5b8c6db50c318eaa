using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MeasuredPercent",
                table: "ContractFindings",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinimumPercent",
                table: "ContractFindings",
                type: "numeric(5,2)",
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Evses = table.Column<int>(type: "integer", nullable: false),
                    Events = table.Column<int>(type: "integer", nullable: false),
                    TimelyEvents = table.Column<int>(type: "integer", nullable: false),
                    StaleEvses = table.Column<int>(type: "integer", nullable: false),
                    SilentSuspects = table.Column<int>(type: "integer", nullable: false),
                    ChargingWithoutSession = table.Column<int>(type: "integer", nullable: false),
                    SessionsWithoutCharging = table.Column<int>(type: "integer", nullable: false),
                    OverloadedDays = table.Column<int>(type: "integer", nullable: false),
                    FutureEvents = table.Column<int>(type: "integer", nullable: false),
                    DuplicateEvents = table.Column<int>(type: "integer", nullable: false)
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
