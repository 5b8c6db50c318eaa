using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OcpiPull : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OcpiLocationSnapshots_ConnectionId",
                table: "OcpiLocationSnapshots");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastListedAtUtc",
                table: "OcpiLocationSnapshots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscoveredAtUtc",
                table: "OcpiConnections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "OcpiConnections",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastErrorAtUtc",
                table: "OcpiConnections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastErrorRequestId",
                table: "OcpiConnections",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersion",
                table: "OcpiConnections",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersionDetailsUrl",
                table: "OcpiConnections",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersionsJson",
                table: "OcpiConnections",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RegisteredByPortal",
                table: "OcpiConnections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OcpiCdrs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CdrId = table.Column<string>(type: "character varying(39)", maxLength: 39, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SessionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    LocationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    TotalEnergyKwh = table.Column<decimal>(type: "numeric", nullable: false),
                    TotalTimeHours = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalParkingTimeHours = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalCostExclVat = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalCostInclVat = table.Column<decimal>(type: "numeric", nullable: true),
                    Credit = table.Column<bool>(type: "boolean", nullable: false),
                    CreditReferenceId = table.Column<string>(type: "character varying(39)", maxLength: 39, nullable: true),
                    ChargingPeriodsJson = table.Column<string>(type: "text", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiCdrs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcpiCdrs_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OcpiPartnerEndpoints",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Url = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiPartnerEndpoints", x => new { x.ConnectionId, x.Identifier, x.Role });
                    table.ForeignKey(
                        name: "FK_OcpiPartnerEndpoints_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcpiPullCheckpoints",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Module = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextDateFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MaxLastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFullSuccessAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiPullCheckpoints", x => new { x.ConnectionId, x.Module });
                    table.ForeignKey(
                        name: "FK_OcpiPullCheckpoints_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcpiPullRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Module = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Objects = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FailedRequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiPullRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcpiPullRuns_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcpiSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SessionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Kwh = table.Column<decimal>(type: "numeric", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LocationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    TotalCostExclVat = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalCostInclVat = table.Column<decimal>(type: "numeric", nullable: true),
                    ChargingPeriodsJson = table.Column<string>(type: "text", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcpiSessions_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OcpiTariffVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TariffId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RawJson = table.Column<string>(type: "text", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcpiTariffVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcpiTariffVersions_OcpiConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "OcpiConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiLocationSnapshots_ConnectionId_LastListedAtUtc",
                table: "OcpiLocationSnapshots",
                columns: new[] { "ConnectionId", "LastListedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiCdrs_ConnectionId_Key",
                table: "OcpiCdrs",
                columns: new[] { "ConnectionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcpiCdrs_LocationId_EvseUid_StartUtc",
                table: "OcpiCdrs",
                columns: new[] { "LocationId", "EvseUid", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiPullRuns_ConnectionId_StartedAtUtc",
                table: "OcpiPullRuns",
                columns: new[] { "ConnectionId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiSessions_ConnectionId_Key",
                table: "OcpiSessions",
                columns: new[] { "ConnectionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcpiSessions_LocationId_EvseUid_StartUtc",
                table: "OcpiSessions",
                columns: new[] { "LocationId", "EvseUid", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OcpiTariffVersions_ConnectionId_Key_LastUpdatedUtc",
                table: "OcpiTariffVersions",
                columns: new[] { "ConnectionId", "Key", "LastUpdatedUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OcpiCdrs");

            migrationBuilder.DropTable(
                name: "OcpiPartnerEndpoints");

            migrationBuilder.DropTable(
                name: "OcpiPullCheckpoints");

            migrationBuilder.DropTable(
                name: "OcpiPullRuns");

            migrationBuilder.DropTable(
                name: "OcpiSessions");

            migrationBuilder.DropTable(
                name: "OcpiTariffVersions");

            migrationBuilder.DropIndex(
                name: "IX_OcpiLocationSnapshots_ConnectionId_LastListedAtUtc",
                table: "OcpiLocationSnapshots");

            migrationBuilder.DropColumn(
                name: "LastListedAtUtc",
                table: "OcpiLocationSnapshots");

            migrationBuilder.DropColumn(
                name: "DiscoveredAtUtc",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "LastErrorAtUtc",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "LastErrorRequestId",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerVersion",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerVersionDetailsUrl",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerVersionsJson",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "RegisteredByPortal",
                table: "OcpiConnections");

            migrationBuilder.CreateIndex(
                name: "IX_OcpiLocationSnapshots_ConnectionId",
                table: "OcpiLocationSnapshots",
                column: "ConnectionId");
        }
    }
}
