using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstallationCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstallationCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SpotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GridOperator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GridReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GridConnectionKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    GridRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GridConnectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DiggingStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommissionedLocationSourceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CommissionedEvseUids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstallationCases_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstallationCases_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstallationCases_Spots_SpotId",
                        column: x => x.SpotId,
                        principalTable: "Spots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstallationCaseHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationCaseHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstallationCaseHistory_InstallationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "InstallationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstallationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstallationSteps_InstallationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "InstallationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InstallationCaseHistory_CaseId_AtUtc",
                table: "InstallationCaseHistory",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InstallationCases_MunicipalityId_Reference",
                table: "InstallationCases",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InstallationCases_OperatorId_Status",
                table: "InstallationCases",
                columns: new[] { "OperatorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InstallationCases_SpotId",
                table: "InstallationCases",
                column: "SpotId");

            migrationBuilder.CreateIndex(
                name: "IX_InstallationSteps_CaseId_Step",
                table: "InstallationSteps",
                columns: new[] { "CaseId", "Step" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstallationCaseHistory");

            migrationBuilder.DropTable(
                name: "InstallationSteps");

            migrationBuilder.DropTable(
                name: "InstallationCases");
        }
    }
}
