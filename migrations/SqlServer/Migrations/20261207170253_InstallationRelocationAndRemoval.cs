using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InstallationRelocationAndRemoval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RelocatedFromSpotId",
                table: "InstallationCases",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InstallationCases_RelocatedFromSpotId",
                table: "InstallationCases",
                column: "RelocatedFromSpotId");

            migrationBuilder.AddForeignKey(
                name: "FK_InstallationCases_Spots_RelocatedFromSpotId",
                table: "InstallationCases",
                column: "RelocatedFromSpotId",
                principalTable: "Spots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InstallationCases_Spots_RelocatedFromSpotId",
                table: "InstallationCases");

            migrationBuilder.DropIndex(
                name: "IX_InstallationCases_RelocatedFromSpotId",
                table: "InstallationCases");

            migrationBuilder.DropColumn(
                name: "RelocatedFromSpotId",
                table: "InstallationCases");
        }
    }
}
