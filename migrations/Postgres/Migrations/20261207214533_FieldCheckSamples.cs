using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FieldCheckSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FieldCheckSampleId",
                table: "ContractFindings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ContractFindings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FieldCheckSamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    Requested = table.Column<int>(type: "integer", nullable: false),
                    PopulationSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DrawnByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DrawnByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckSamples_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FieldCheckSamples_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FieldCheckChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckChanges_FieldCheckSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "FieldCheckSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldCheckLocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ChargeLocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Cpo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PowerClass = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CompletedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckLocations_FieldCheckSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "FieldCheckSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldCheckStrata",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cpo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PowerClass = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Allocated = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckStrata", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckStrata_FieldCheckSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "FieldCheckSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldCheckItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampledLocationId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractReference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FilledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FilledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    FilledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckItems_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FieldCheckItems_FieldCheckLocations_SampledLocationId",
                        column: x => x.SampledLocationId,
                        principalTable: "FieldCheckLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldCheckPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SampledLocationId = table.Column<long>(type: "bigint", nullable: false),
                    ItemNumber = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldCheckPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldCheckPhotos_FieldCheckLocations_SampledLocationId",
                        column: x => x.SampledLocationId,
                        principalTable: "FieldCheckLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractFindings_FieldCheckSampleId",
                table: "ContractFindings",
                column: "FieldCheckSampleId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckChanges_SampleId_AtUtc",
                table: "FieldCheckChanges",
                columns: new[] { "SampleId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckItems_ContractId",
                table: "FieldCheckItems",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckItems_SampledLocationId_Number",
                table: "FieldCheckItems",
                columns: new[] { "SampledLocationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckLocations_SampleId_Position",
                table: "FieldCheckLocations",
                columns: new[] { "SampleId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckPhotos_SampledLocationId",
                table: "FieldCheckPhotos",
                column: "SampledLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckSamples_ContractId",
                table: "FieldCheckSamples",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckSamples_MunicipalityId_DrawnAtUtc",
                table: "FieldCheckSamples",
                columns: new[] { "MunicipalityId", "DrawnAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldCheckStrata_SampleId",
                table: "FieldCheckStrata",
                column: "SampleId");

            migrationBuilder.AddForeignKey(
                name: "FK_ContractFindings_FieldCheckSamples_FieldCheckSampleId",
                table: "ContractFindings",
                column: "FieldCheckSampleId",
                principalTable: "FieldCheckSamples",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ContractFindings_FieldCheckSamples_FieldCheckSampleId",
                table: "ContractFindings");

            migrationBuilder.DropTable(
                name: "FieldCheckChanges");

            migrationBuilder.DropTable(
                name: "FieldCheckItems");

            migrationBuilder.DropTable(
                name: "FieldCheckPhotos");

            migrationBuilder.DropTable(
                name: "FieldCheckStrata");

            migrationBuilder.DropTable(
                name: "FieldCheckLocations");

            migrationBuilder.DropTable(
                name: "FieldCheckSamples");

            migrationBuilder.DropIndex(
                name: "IX_ContractFindings_FieldCheckSampleId",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "FieldCheckSampleId",
                table: "ContractFindings");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ContractFindings");
        }
    }
}
