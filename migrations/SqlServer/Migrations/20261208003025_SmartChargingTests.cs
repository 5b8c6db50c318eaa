using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmartChargingTestRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OperatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    RequestedSize = table.Column<int>(type: "int", nullable: false),
                    Candidates = table.Column<int>(type: "int", nullable: false),
                    CoveredEvses = table.Column<int>(type: "int", nullable: false),
                    CapableEvses = table.Column<int>(type: "int", nullable: false),
                    LimitKw = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: false),
                    DurationSeconds = table.Column<int>(type: "int", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TolerancePercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WaitUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Verdict = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    LocationId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    SessionId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    Capable = table.Column<bool>(type: "bit", nullable: false),
                    ProfileRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SyncAnswer = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    AsyncResult = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LatencyMilliseconds = table.Column<long>(type: "bigint", nullable: true),
                    MeasuredMaxKw = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: true),
                    Adhered = table.Column<bool>(type: "bit", nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SetId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Verdict = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
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
                name: "FK_ContractFindings_SmartChargingTestRuns_SmartChargingTestRunId",
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
                name: "FK_ContractFindings_SmartChargingTestRuns_SmartChargingTestRunId",
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
