using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MetricVersion = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContractVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    AvailabilityThresholdPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ConnectivityThresholdPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ClaimsCloseOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EvseCount = table.Column<int>(type: "integer", nullable: false),
                    S = table.Column<long>(type: "bigint", nullable: false),
                    U = table.Column<long>(type: "bigint", nullable: false),
                    D = table.Column<long>(type: "bigint", nullable: false),
                    X = table.Column<long>(type: "bigint", nullable: false),
                    TimeWeightedAvailability = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    MeetingThreshold = table.Column<int>(type: "integer", nullable: false),
                    ShareMeetingThreshold = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    P5 = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    P50 = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Corrects = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditRuns_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditRuns_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditRunEvses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvseKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LocationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    S = table.Column<long>(type: "bigint", nullable: false),
                    S24 = table.Column<long>(type: "bigint", nullable: false),
                    U = table.Column<long>(type: "bigint", nullable: false),
                    U24 = table.Column<long>(type: "bigint", nullable: false),
                    D = table.Column<long>(type: "bigint", nullable: false),
                    X = table.Column<long>(type: "bigint", nullable: false),
                    Dc = table.Column<long>(type: "bigint", nullable: false),
                    Xc = table.Column<long>(type: "bigint", nullable: false),
                    Availability = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    Connectivity = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    NeviUptime = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    Coverage = table.Column<decimal>(type: "numeric(12,10)", precision: 12, scale: 10, nullable: true),
                    AvailabilityVerdict = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ConnectivityVerdict = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OutageCount = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRunEvses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditRunEvses_AuditRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AuditRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditRunOutages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvseKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CountedSeconds = table.Column<long>(type: "bigint", nullable: false),
                    ExcludedSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Categories = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Claims = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatusPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRunOutages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditRunOutages_AuditRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AuditRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRunEvses_RunId_EvseKey",
                table: "AuditRunEvses",
                columns: new[] { "RunId", "EvseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRunOutages_RunId_EvseKey_StartUtc",
                table: "AuditRunOutages",
                columns: new[] { "RunId", "EvseKey", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRuns_ContractId_Kind_PeriodStart_Version",
                table: "AuditRuns",
                columns: new[] { "ContractId", "Kind", "PeriodStart", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRuns_OperatorId_Status",
                table: "AuditRuns",
                columns: new[] { "OperatorId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRunEvses");

            migrationBuilder.DropTable(
                name: "AuditRunOutages");

            migrationBuilder.DropTable(
                name: "AuditRuns");
        }
    }
}
