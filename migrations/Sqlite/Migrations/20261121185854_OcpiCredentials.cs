using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OcpiCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "IncomingTokenHash",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReachedAtUtc",
                table: "OcpiConnections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerRolesJson",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerTokenProtected",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerVersionsUrl",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenAHash",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcpiConnections_TokenAHash",
                table: "OcpiConnections",
                column: "TokenAHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OcpiConnections_TokenAHash",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "LastReachedAtUtc",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerRolesJson",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerTokenProtected",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "PartnerVersionsUrl",
                table: "OcpiConnections");

            migrationBuilder.DropColumn(
                name: "TokenAHash",
                table: "OcpiConnections");

            migrationBuilder.AlterColumn<string>(
                name: "IncomingTokenHash",
                table: "OcpiConnections",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
