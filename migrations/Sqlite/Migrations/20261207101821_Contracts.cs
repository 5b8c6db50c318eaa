using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadMunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LotName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApplicationsHandledBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contracts_Municipalities_LeadMunicipalityId",
                        column: x => x.LeadMunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contracts_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractCoverageRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractCoverageRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractCoverageRules_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    GoLiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecommissionedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SimultaneityGroup = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvses_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractHistory_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractMunicipalities",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractMunicipalities", x => new { x.ContractId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_ContractMunicipalities_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractMunicipalities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PointsPromised = table.Column<int>(type: "INTEGER", nullable: true),
                    PointsPromisedBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Extension_Count = table.Column<int>(type: "INTEGER", nullable: true),
                    Extension_Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Extension_Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Extension_YearsEach = table.Column<int>(type: "INTEGER", nullable: true),
                    Terms_AvailabilityExcludesExogenousDamage = table.Column<bool>(type: "INTEGER", nullable: false),
                    Terms_AvailabilityPercentPerYear = table.Column<decimal>(type: "TEXT", nullable: false),
                    Terms_ConnectivityPercentPerMonth = table.Column<decimal>(type: "TEXT", nullable: false),
                    Terms_DataLatencySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms_MaxRepairHours = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_MaxResponseHours = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_SmartCharging_OnGridOperatorRequest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Terms_SmartCharging_PowerCapKw = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_SmartCharging_Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Terms_SmartCharging_WindowEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Terms_SmartCharging_WindowStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Terms_TariffCaps_IncludeVat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Terms_TariffCaps_MaxIdlePerMinute = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_TariffCaps_MaxPerKwh = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_TariffCaps_MaxPerMinute = table.Column<decimal>(type: "TEXT", nullable: true),
                    Terms_TariffCaps_MaxStartFee = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractVersions_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractPenalties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountEuro = table.Column<decimal>(type: "TEXT", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractPenalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractPenalties_ContractVersions_ContractVersionId",
                        column: x => x.ContractVersionId,
                        principalTable: "ContractVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractRequirements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractRequirements_ContractVersions_ContractVersionId",
                        column: x => x.ContractVersionId,
                        principalTable: "ContractVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractRequirementThresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Limit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CatalogueValue = table.Column<decimal>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    AttachedRequirementId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractRequirementThresholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractRequirementThresholds_ContractRequirements_AttachedRequirementId",
                        column: x => x.AttachedRequirementId,
                        principalTable: "ContractRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractCoverageRules_ContractId_LocationId",
                table: "ContractCoverageRules",
                columns: new[] { "ContractId", "LocationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvses_ContractId_LocationId_EvseUid",
                table: "ContractEvses",
                columns: new[] { "ContractId", "LocationId", "EvseUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractHistory_ContractId_AtUtc",
                table: "ContractHistory",
                columns: new[] { "ContractId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractMunicipalities_MunicipalityId",
                table: "ContractMunicipalities",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractPenalties_ContractVersionId",
                table: "ContractPenalties",
                column: "ContractVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractRequirements_ContractVersionId_SetId_Code",
                table: "ContractRequirements",
                columns: new[] { "ContractVersionId", "SetId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractRequirementThresholds_AttachedRequirementId",
                table: "ContractRequirementThresholds",
                column: "AttachedRequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_LeadMunicipalityId_Reference",
                table: "Contracts",
                columns: new[] { "LeadMunicipalityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_OperatorId",
                table: "Contracts",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractVersions_ContractId_Number",
                table: "ContractVersions",
                columns: new[] { "ContractId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractCoverageRules");

            migrationBuilder.DropTable(
                name: "ContractEvses");

            migrationBuilder.DropTable(
                name: "ContractHistory");

            migrationBuilder.DropTable(
                name: "ContractMunicipalities");

            migrationBuilder.DropTable(
                name: "ContractPenalties");

            migrationBuilder.DropTable(
                name: "ContractRequirementThresholds");

            migrationBuilder.DropTable(
                name: "ContractRequirements");

            migrationBuilder.DropTable(
                name: "ContractVersions");

            migrationBuilder.DropTable(
                name: "Contracts");
        }
    }
}
