using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscoveredAtUtc",
                table: "OcpiConnections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastErrorAtUtc",
                table: "OcpiConnections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastErrorRequestId",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersion",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersionDetailsUrl",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersionsJson",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RegisteredByPortal",
                table: "OcpiConnections",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OcpiCdrs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CdrId = table.Column<string>(type: "TEXT", maxLength: 39, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TotalEnergyKwh = table.Column<decimal>(type: "TEXT", nullable: false),
                    TotalTimeHours = table.Column<decimal>(type: "TEXT", nullable: true),
                    TotalParkingTimeHours = table.Column<decimal>(type: "TEXT", nullable: true),
                    TotalCostExclVat = table.Column<decimal>(type: "TEXT", nullable: true),
                    TotalCostInclVat = table.Column<decimal>(type: "TEXT", nullable: true),
                    Credit = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreditReferenceId = table.Column<string>(type: "TEXT", maxLength: 39, nullable: true),
                    ChargingPeriodsJson = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
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
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NextDateFromUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaxLastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFullSuccessAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    Objects = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FailedRequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Kwh = table.Column<decimal>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TotalCostExclVat = table.Column<decimal>(type: "TEXT", nullable: true),
                    TotalCostInclVat = table.Column<decimal>(type: "TEXT", nullable: true),
                    ChargingPeriodsJson = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TariffId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
