using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequirementCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProtocolCertifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Protocol = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Version = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    AvailableOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Withdrawn = table.Column<bool>(type: "bit", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolCertifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequirementCatalogueVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LoadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    LoadedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    SchemaVersion = table.Column<int>(type: "int", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SetCount = table.Column<int>(type: "int", nullable: false),
                    RequirementCount = table.Column<int>(type: "int", nullable: false),
                    OcpiDataCount = table.Column<int>(type: "int", nullable: false),
                    CertificateCount = table.Column<int>(type: "int", nullable: false),
                    FieldAuditCount = table.Column<int>(type: "int", nullable: false),
                    DeclarationCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementCatalogueVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolCertifications_Protocol_Version_RecordedAtUtc",
                table: "ProtocolCertifications",
                columns: new[] { "Protocol", "Version", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RequirementCatalogueVersions_Number",
                table: "RequirementCatalogueVersions",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProtocolCertifications");

            migrationBuilder.DropTable(
                name: "RequirementCatalogueVersions");
        }
    }
}
