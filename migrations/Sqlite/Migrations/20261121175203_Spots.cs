using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Spots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "RdX",
                table: "ChargeLocations",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "RdY",
                table: "ChargeLocations",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "Spots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RdX = table.Column<double>(type: "REAL", nullable: false),
                    RdY = table.Column<double>(type: "REAL", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Bays = table.Column<int>(type: "INTEGER", nullable: false),
                    SetUp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FreePavementWidthCm = table.Column<int>(type: "INTEGER", nullable: true),
                    DistanceToBayCm = table.Column<int>(type: "INTEGER", nullable: true),
                    GridCableNearby = table.Column<bool>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Spots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Spots_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotHistory_Spots_SpotId",
                        column: x => x.SpotId,
                        principalTable: "Spots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargeLocations_RdX_RdY",
                table: "ChargeLocations",
                columns: new[] { "RdX", "RdY" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotHistory_SpotId_AtUtc",
                table: "SpotHistory",
                columns: new[] { "SpotId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Spots_Latitude_Longitude",
                table: "Spots",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Spots_MunicipalityId_ExternalId",
                table: "Spots",
                columns: new[] { "MunicipalityId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Spots_MunicipalityId_Status",
                table: "Spots",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Spots_RdX_RdY",
                table: "Spots",
                columns: new[] { "RdX", "RdY" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpotHistory");

            migrationBuilder.DropTable(
                name: "Spots");

            migrationBuilder.DropIndex(
                name: "IX_ChargeLocations_RdX_RdY",
                table: "ChargeLocations");

            migrationBuilder.DropColumn(
                name: "RdX",
                table: "ChargeLocations");

            migrationBuilder.DropColumn(
                name: "RdY",
                table: "ChargeLocations");
        }
    }
}
