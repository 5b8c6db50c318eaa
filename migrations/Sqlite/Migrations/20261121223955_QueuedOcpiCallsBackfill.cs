using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueuedOcpiCallsBackfill : Migration
    {
        /// <inheritdoc />
        /// <remarks>
        /// Its own migration because SQLite rebuilds ChargingProfileRequests at the end of the previous one.
        /// Requests made before the queue existed were sent at once: one attempt, queued when sent. One still
        /// "Sent" was cut off by the stop that preceded this upgrade and has no answer to wait for.
        /// </remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "ChargingProfileRequests" SET "QueuedAtUtc" = "SentAtUtc", "NextAttemptAtUtc" = "SentAtUtc", "Attempts" = 1 WHERE "SentAtUtc" IS NOT NULL;
                UPDATE "ChargingProfileRequests" SET "State" = 'Failed', "Error" = 'the portal stopped while this call was under way' WHERE "State" = 'Sent';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
