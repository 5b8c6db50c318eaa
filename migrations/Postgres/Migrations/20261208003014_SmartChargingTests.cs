using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SmartChargingTests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SmartChargingTestRunId",
                table: "ContractFindings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmartChargingTestRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    RequestedSize = table.Column<int>(type: "integer", nullable: false),
                    Candidates = table.Column<int>(type: "integer", nullable: false),
                    CoveredEvses = table.Column<int>(type: "integer", nullable: false),
                    CapableEvses = table.Column<int>(type: "integer", nullable: false),
                    LimitKw = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: false),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TolerancePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WaitUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartChargingTestRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartChargingTestRuns_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SmartChargingTestEvses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    SessionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Capable = table.Column<bool>(type: "boolean", nullable: false),
                    ProfileRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    SyncAnswer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AsyncResult = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LatencyMilliseconds = table.Column<long>(type: "bigint", nullable: true),
                    MeasuredMaxKw = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    Adhered = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartChargingTestEvses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartChargingTestEvses_SmartChargingTestRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SmartChargingTestRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmartChargingTestRequirements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartChargingTestRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartChargingTestRequirements_SmartChargingTestRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SmartChargingTestRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractFindings_SmartChargingTestRunId",
                table: "ContractFindings",
                column: "SmartChargingTestRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SmartChargingTestEvses_RunId_Position",
                table: "SmartChargingTestEvses",
                columns: new[] { "RunId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmartChargingTestRequirements_RunId",
                table: "SmartChargingTestRequirements",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_SmartChargingTestRuns_CompletedAtUtc",
                table: "SmartChargingTestRuns",
                column: "CompletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SmartChargingTestRuns_ContractId_StartedAtUtc",
                table: "SmartChargingTestRuns",
                columns: new[] { "ContractId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartChargingTestRuns_OperatorId_StartedAtUtc",
                table: "SmartChargingTestRuns",
                columns: new[] { "OperatorId", "StartedAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_ContractFindings_SmartChargingTestRuns_SmartChargingTestRun~",
                table: "ContractFindings",
                column: "SmartChargingTestRunId",
                principalTable: "SmartChargingTestRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ContractFindings_SmartChargingTestRuns_SmartChargingTestRun~",
                table: "ContractFindings");

            migrationBuilder.DropTable(
                name: "SmartChargingTestEvses");

            migrationBuilder.DropTable(
                name: "SmartChargingTestRequirements");

            migrationBuilder.DropTable(
                name: "SmartChargingTestRuns");

            migrationBuilder.DropIndex(
                name: "IX_ContractFindings_SmartChargingTestRunId",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "SmartChargingTestRunId",
                table: "ContractFindings");
        }
    }
}
