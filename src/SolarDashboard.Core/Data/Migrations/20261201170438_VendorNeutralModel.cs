using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorNeutralModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "VendorCode",
                table: "Plants",
                newName: "VendorKey");

            migrationBuilder.RenameIndex(
                name: "IX_Plants_ConnectionId_VendorCode",
                table: "Plants",
                newName: "IX_Plants_ConnectionId_VendorKey");

            migrationBuilder.AddColumn<string>(
                name: "StandardJson",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandardJson",
                table: "LatestKpis",
                type: "TEXT",
                nullable: true);

            // The role is the vendor mapping's to say: the start-up backfill sets it (StandardMeasureBackfill).
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Devices",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<string>(
                name: "VendorKey",
                table: "Devices",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VendorType",
                table: "Devices",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeviceVendorType",
                table: "Alarms",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Data: the vendor's numeric device ids and types become text, nothing else changes. Every connection that
            // exists now gets the marker that makes the background backfill compute the standard series of its history.
            migrationBuilder.Sql("UPDATE \"Devices\" SET \"VendorKey\" = CAST(\"VendorId\" AS TEXT), \"VendorType\" = CAST(\"TypeId\" AS TEXT);");
            migrationBuilder.Sql("UPDATE \"Alarms\" SET \"DeviceVendorType\" = CAST(\"DeviceTypeId\" AS TEXT) WHERE \"DeviceTypeId\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"SyncStates\" (\"ConnectionId\", \"DataClass\", \"NextDueAt\", \"PlannedInterval\", \"Cursor\") " +
                "SELECT \"Id\", 'Core.StandardSeriesBackfill', 0, '00:00:00', '0' FROM \"Connections\";");

            migrationBuilder.DropIndex(
                name: "IX_Devices_PlantId_VendorId",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "TypeId",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "VendorId",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "DeviceTypeId",
                table: "Alarms");

            migrationBuilder.CreateTable(
                name: "PlantSummaries",
                columns: table => new
                {
                    PlantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PvKw = table.Column<double>(type: "REAL", nullable: true),
                    BatteryKw = table.Column<double>(type: "REAL", nullable: true),
                    GridKw = table.Column<double>(type: "REAL", nullable: true),
                    LoadKw = table.Column<double>(type: "REAL", nullable: true),
                    PowerAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Soc = table.Column<double>(type: "REAL", nullable: true),
                    SocAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PvKwhToday = table.Column<double>(type: "REAL", nullable: true),
                    EnergyDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EnergyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DataCollectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AlarmsCritical = table.Column<int>(type: "INTEGER", nullable: false),
                    AlarmsMajor = table.Column<int>(type: "INTEGER", nullable: false),
                    AlarmsMinor = table.Column<int>(type: "INTEGER", nullable: false),
                    AlarmsWarning = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlantSummaries", x => x.PlantId);
                    table.ForeignKey(
                        name: "FK_PlantSummaries_Plants_PlantId",
                        column: x => x.PlantId,
                        principalTable: "Plants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_PlantId_VendorKey",
                table: "Devices",
                columns: new[] { "PlantId", "VendorKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TypeId",
                table: "Devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "VendorId",
                table: "Devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "DeviceTypeId",
                table: "Alarms",
                type: "INTEGER",
                nullable: true);

            // Numeric keys and types come back; a vendor's text keys (none before this release) read as 0.
            migrationBuilder.Sql("UPDATE \"Devices\" SET \"VendorId\" = CAST(\"VendorKey\" AS INTEGER), \"TypeId\" = CAST(\"VendorType\" AS INTEGER);");
            migrationBuilder.Sql("UPDATE \"Alarms\" SET \"DeviceTypeId\" = CAST(\"DeviceVendorType\" AS INTEGER) WHERE \"DeviceVendorType\" IS NOT NULL;");
            migrationBuilder.Sql("DELETE FROM \"SyncStates\" WHERE \"DataClass\" = 'Core.StandardSeriesBackfill';");

            migrationBuilder.DropTable(
                name: "PlantSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Devices_PlantId_VendorKey",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "StandardJson",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "StandardJson",
                table: "LatestKpis");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "VendorKey",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "VendorType",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "DeviceVendorType",
                table: "Alarms");

            migrationBuilder.RenameColumn(
                name: "VendorKey",
                table: "Plants",
                newName: "VendorCode");

            migrationBuilder.RenameIndex(
                name: "IX_Plants_ConnectionId_VendorKey",
                table: "Plants",
                newName: "IX_Plants_ConnectionId_VendorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_PlantId_VendorId",
                table: "Devices",
                columns: new[] { "PlantId", "VendorId" },
                unique: true);
        }
    }
}
