using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RedexLifetimeCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OpeningKwh",
                table: "RedexRegistrations");

            // The stored history gains the lifetime PV yield series (REDEX's accumulated value): the standard series
            // backfill runs once more over every connection, from its first device.
            migrationBuilder.Sql("INSERT INTO \"SyncStates\" (\"ConnectionId\", \"DataClass\", \"NextDueAt\", \"PlannedInterval\", \"Cursor\") " +
                "SELECT \"Id\", 'Core.StandardSeriesBackfill', 0, '00:00:00', '0' FROM \"Connections\" WHERE true " +
                "ON CONFLICT (\"ConnectionId\", \"DataClass\") DO UPDATE SET \"Cursor\" = '0';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OpeningKwh",
                table: "RedexRegistrations",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "0");
        }
    }
}
