using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SixtyDayReminderOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ThirtyDayReminderOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryRecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvidence_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractEvidence_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvidenceEvses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvidenceEvses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvidenceEvses_ContractEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ContractEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvidenceSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvidenceSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvidenceSteps_ContractEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ContractEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FoundAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    TariffId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    TariffVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    TariffLastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Component = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Price = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: true),
                    Cap = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: true),
                    CapIncludesVat = table.Column<bool>(type: "INTEGER", nullable: true),
                    SeenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractFindings_ContractEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ContractEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractFindings_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvidence_ContractId_SetId_Code",
                table: "ContractEvidence",
                columns: new[] { "ContractId", "SetId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvidence_ExpiresOn_ExpiryRecordedOn",
                table: "ContractEvidence",
                columns: new[] { "ExpiresOn", "ExpiryRecordedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvidence_OperatorId",
                table: "ContractEvidence",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvidenceEvses_EvidenceId",
                table: "ContractEvidenceEvses",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvidenceSteps_EvidenceId_AtUtc",
                table: "ContractEvidenceSteps",
                columns: new[] { "EvidenceId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractFindings_ContractId_DedupeKey",
                table: "ContractFindings",
                columns: new[] { "ContractId", "DedupeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractFindings_ContractId_FoundOn",
                table: "ContractFindings",
                columns: new[] { "ContractId", "FoundOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractFindings_EvidenceId",
                table: "ContractFindings",
                column: "EvidenceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractEvidenceEvses");

            migrationBuilder.DropTable(
                name: "ContractEvidenceSteps");

            migrationBuilder.DropTable(
                name: "ContractFindings");

            migrationBuilder.DropTable(
                name: "ContractEvidence");
        }
    }
}
