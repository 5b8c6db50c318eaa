using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FindingResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FindingResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AttachmentFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentSizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    AttachmentStorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Closure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PenaltyTerm = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PenaltyUnits = table.Column<int>(type: "INTEGER", nullable: true),
                    PenaltyEuro = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingResponses_ContractFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "ContractFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingResponseSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingResponseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingResponseSteps_FindingResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FindingResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingResponses_FindingId",
                table: "FindingResponses",
                column: "FindingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingResponses_State_Deadline",
                table: "FindingResponses",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingResponseSteps_ResponseId_AtUtc",
                table: "FindingResponseSteps",
                columns: new[] { "ResponseId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingResponseSteps");

            migrationBuilder.DropTable(
                name: "FindingResponses");
        }
    }
}
