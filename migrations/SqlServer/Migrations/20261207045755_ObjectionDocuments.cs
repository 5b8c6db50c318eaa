using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ObjectionDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrafficOrderObjections_Reference",
                table: "TrafficOrderObjections");

            migrationBuilder.AddColumn<Guid>(
                name: "MunicipalityId",
                table: "TrafficOrderObjections",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "TrafficOrderObjectionDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ObjectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficOrderObjectionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficOrderObjectionDocuments_TrafficOrderObjections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "TrafficOrderObjections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderObjections_MunicipalityId_Reference",
                table: "TrafficOrderObjections",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderObjectionDocuments_ObjectionId",
                table: "TrafficOrderObjectionDocuments",
                column: "ObjectionId");

            migrationBuilder.AddForeignKey(
                name: "FK_TrafficOrderObjections_Municipalities_MunicipalityId",
                table: "TrafficOrderObjections",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrafficOrderObjections_Municipalities_MunicipalityId",
                table: "TrafficOrderObjections");

            migrationBuilder.DropTable(
                name: "TrafficOrderObjectionDocuments");

            migrationBuilder.DropIndex(
                name: "IX_TrafficOrderObjections_MunicipalityId_Reference",
                table: "TrafficOrderObjections");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "TrafficOrderObjections");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderObjections_Reference",
                table: "TrafficOrderObjections",
                column: "Reference",
                unique: true);
        }
    }
}
