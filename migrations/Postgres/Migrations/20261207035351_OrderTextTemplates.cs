using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrderTextTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrderTemplateVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Preamble = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Considerations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ObjectionClause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ViewsClause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AppealClause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Signature = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderTemplateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderTemplateVersions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderTextChoices",
                columns: table => new
                {
                    TrafficOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    InterestNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderTextChoices", x => x.TrafficOrderId);
                    table.ForeignKey(
                        name: "FK_OrderTextChoices_TrafficOrders_TrafficOrderId",
                        column: x => x.TrafficOrderId,
                        principalTable: "TrafficOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderTemplateVersions_MunicipalityId_Version",
                table: "OrderTemplateVersions",
                columns: new[] { "MunicipalityId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderTemplateVersions");

            migrationBuilder.DropTable(
                name: "OrderTextChoices");
        }
    }
}
