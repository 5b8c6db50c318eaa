using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TrafficOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrafficOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Route = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AmendsOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PoliceConsultedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PoliceAnswer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DraftChannel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DraftPublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DraftJournalReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JournalReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficOrders_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrafficOrders_TrafficOrders_AmendsOrderId",
                        column: x => x.AmendsOrderId,
                        principalTable: "TrafficOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrafficOrderHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrafficOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficOrderHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficOrderHistory_TrafficOrders_TrafficOrderId",
                        column: x => x.TrafficOrderId,
                        principalTable: "TrafficOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrafficOrderLocation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrafficOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Street = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    NearestHouseNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    RdX = table.Column<double>(type: "float", nullable: false),
                    RdY = table.Column<double>(type: "float", nullable: false),
                    Latitude = table.Column<double>(type: "float", nullable: false),
                    Longitude = table.Column<double>(type: "float", nullable: false),
                    Bays = table.Column<int>(type: "int", nullable: false),
                    Board = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    SubSign = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    TimeWindow = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    MaxParkingMinutes = table.Column<int>(type: "int", nullable: true),
                    SignStatus = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficOrderLocation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficOrderLocation_Spots_SpotId",
                        column: x => x.SpotId,
                        principalTable: "Spots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrafficOrderLocation_TrafficOrders_TrafficOrderId",
                        column: x => x.TrafficOrderId,
                        principalTable: "TrafficOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrafficOrderObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrafficOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "bit", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Grounds = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Admissible = table.Column<bool>(type: "bit", nullable: true),
                    AdmissibilityNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingMinutesDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AdvisoryCommittee = table.Column<bool>(type: "bit", nullable: false),
                    DecisionTermCountedAfter = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionTermExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Consequence = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Response = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficOrderObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficOrderObjections_TrafficOrders_TrafficOrderId",
                        column: x => x.TrafficOrderId,
                        principalTable: "TrafficOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectionDeferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Ground = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ObjectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectionDeferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectionDeferrals_TrafficOrderObjections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "TrafficOrderObjections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectionRepairPauses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RepairedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectionRepairPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectionRepairPauses_TrafficOrderObjections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "TrafficOrderObjections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ObjectionDeferrals_ObjectionId",
                table: "ObjectionDeferrals",
                column: "ObjectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectionRepairPauses_ObjectionId",
                table: "ObjectionRepairPauses",
                column: "ObjectionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderHistory_TrafficOrderId_AtUtc",
                table: "TrafficOrderHistory",
                columns: new[] { "TrafficOrderId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderLocation_SpotId",
                table: "TrafficOrderLocation",
                column: "SpotId");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderLocation_TrafficOrderId_SpotId",
                table: "TrafficOrderLocation",
                columns: new[] { "TrafficOrderId", "SpotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderObjections_Reference",
                table: "TrafficOrderObjections",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrderObjections_TrafficOrderId_ReceivedAtUtc",
                table: "TrafficOrderObjections",
                columns: new[] { "TrafficOrderId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrders_AmendsOrderId",
                table: "TrafficOrders",
                column: "AmendsOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrders_MunicipalityId_Reference",
                table: "TrafficOrders",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficOrders_MunicipalityId_Status",
                table: "TrafficOrders",
                columns: new[] { "MunicipalityId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObjectionDeferrals");

            migrationBuilder.DropTable(
                name: "ObjectionRepairPauses");

            migrationBuilder.DropTable(
                name: "TrafficOrderHistory");

            migrationBuilder.DropTable(
                name: "TrafficOrderLocation");

            migrationBuilder.DropTable(
                name: "TrafficOrderObjections");

            migrationBuilder.DropTable(
                name: "TrafficOrders");
        }
    }
}
