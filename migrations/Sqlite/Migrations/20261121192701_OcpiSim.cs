using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OcpiSim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OcpiKey",
                table: "ChargeLocations",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OperatorId",
                table: "ChargeLocations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargeLocations_OcpiKey",
                table: "ChargeLocations",
                column: "OcpiKey");

            migrationBuilder.CreateIndex(
                name: "IX_ChargeLocations_OperatorId",
                table: "ChargeLocations",
                column: "OperatorId");

            migrationBuilder.AddForeignKey(
                name: "FK_ChargeLocations_Operators_OperatorId",
                table: "ChargeLocations",
                column: "OperatorId",
                principalTable: "Operators",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChargeLocations_Operators_OperatorId",
                table: "ChargeLocations");

            migrationBuilder.DropIndex(
                name: "IX_ChargeLocations_OcpiKey",
                table: "ChargeLocations");

            migrationBuilder.DropIndex(
                name: "IX_ChargeLocations_OperatorId",
                table: "ChargeLocations");

            migrationBuilder.DropColumn(
                name: "OcpiKey",
                table: "ChargeLocations");

            migrationBuilder.DropColumn(
                name: "OperatorId",
                table: "ChargeLocations");
        }
    }
}
