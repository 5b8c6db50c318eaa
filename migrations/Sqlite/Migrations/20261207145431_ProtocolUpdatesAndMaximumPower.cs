using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProtocolUpdatesAndMaximumPower : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Terms_MaxPowerPerChargePointKw",
                table: "ContractVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "ContractFindings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Protocol",
                table: "ContractFindings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtocolVersion",
                table: "ContractFindings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractGridConnections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    CapacityKw = table.Column<decimal>(type: "TEXT", precision: 10, scale: 3, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractGridConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractGridConnections_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractGridConnections_ContractId_LocationId_EvseUid",
                table: "ContractGridConnections",
                columns: new[] { "ContractId", "LocationId", "EvseUid" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractGridConnections");

            migrationBuilder.DropColumn(
                name: "Terms_MaxPowerPerChargePointKw",
                table: "ContractVersions");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "Protocol",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "ProtocolVersion",
                table: "ContractFindings");
        }
    }
}
