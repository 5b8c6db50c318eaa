using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AvailableOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolCertifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequirementCatalogueVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LoadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SchemaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    SetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RequirementCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OcpiDataCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldAuditCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclarationCount = table.Column<int>(type: "INTEGER", nullable: false)
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
