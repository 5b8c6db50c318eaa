using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExclusionLedgerAndIngestHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExclusionClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GridOperatorReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeclarationReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MunicipalTicket = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MaintenanceWindowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduleEntryFirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaintenanceNotice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClaimedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedFromUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExclusionClaims_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExclusionClaims_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IngestFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IngestHeartbeats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestHeartbeats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusScheduleSightings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationSourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    BeginUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusScheduleSightings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionClaimEvse",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionClaimEvse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExclusionClaimEvse_ExclusionClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ExclusionClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionClaimPhoto",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionClaimPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExclusionClaimPhoto_ExclusionClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ExclusionClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionClaimStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionClaimStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExclusionClaimStep_ExclusionClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ExclusionClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaimEvse_ClaimId",
                table: "ExclusionClaimEvse",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaimEvse_LocationId_EvseUid",
                table: "ExclusionClaimEvse",
                columns: new[] { "LocationId", "EvseUid" });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaimPhoto_ClaimId",
                table: "ExclusionClaimPhoto",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaims_ContractId_State",
                table: "ExclusionClaims",
                columns: new[] { "ContractId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaims_Deadline",
                table: "ExclusionClaims",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaims_OperatorId_State",
                table: "ExclusionClaims",
                columns: new[] { "OperatorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaims_SourceKey",
                table: "ExclusionClaims",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionClaimStep_ClaimId",
                table: "ExclusionClaimStep",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_IngestFailures_ConnectionId_FromUtc",
                table: "IngestFailures",
                columns: new[] { "ConnectionId", "FromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IngestFailures_UntilUtc",
                table: "IngestFailures",
                column: "UntilUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IngestHeartbeats_ToUtc",
                table: "IngestHeartbeats",
                column: "ToUtc");

            migrationBuilder.CreateIndex(
                name: "IX_StatusScheduleSightings_ConnectionId_LocationSourceId_EvseUid_BeginUtc_Status",
                table: "StatusScheduleSightings",
                columns: new[] { "ConnectionId", "LocationSourceId", "EvseUid", "BeginUtc", "Status" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExclusionClaimEvse");

            migrationBuilder.DropTable(
                name: "ExclusionClaimPhoto");

            migrationBuilder.DropTable(
                name: "ExclusionClaimStep");

            migrationBuilder.DropTable(
                name: "IngestFailures");

            migrationBuilder.DropTable(
                name: "IngestHeartbeats");

            migrationBuilder.DropTable(
                name: "StatusScheduleSightings");

            migrationBuilder.DropTable(
                name: "ExclusionClaims");
        }
    }
}
