using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SolarDashboard.Core.Data.Migrations;

/// <summary>
/// The cache: plants, devices, latest values, 5-minute series, reports, alarms, sync state and the call log. Written as
/// the SQL the model implies (no design-time package in the feed); the 5-minute series table is WITHOUT ROWID so its
/// rows are stored in key order (device, KPI, day) and a year of one KPI is one short range scan.
/// </summary>
[DbContext(typeof(SolarDbContext))]
[Migration("0002_Cache")]
public sealed class Cache : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "KpiNames" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_KpiNames" PRIMARY KEY AUTOINCREMENT,
                "Name" TEXT NOT NULL
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Calls" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Calls" PRIMARY KEY AUTOINCREMENT,
                "ConnectionId" INTEGER NOT NULL,
                "Api" TEXT NOT NULL,
                "At" INTEGER NOT NULL,
                "DurationMs" INTEGER NOT NULL,
                "Succeeded" INTEGER NOT NULL,
                "FailCode" INTEGER NULL,
                "HttpStatus" INTEGER NULL,
                "Error" TEXT NULL,
                CONSTRAINT "FK_Calls_Connections_ConnectionId" FOREIGN KEY ("ConnectionId") REFERENCES "Connections" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Plants" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Plants" PRIMARY KEY AUTOINCREMENT,
                "ConnectionId" INTEGER NOT NULL,
                "VendorCode" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Address" TEXT NULL,
                "Latitude" REAL NULL,
                "Longitude" REAL NULL,
                "CapacityKwp" REAL NULL,
                "TimeZoneId" TEXT NOT NULL,
                "GridConnectedAt" INTEGER NULL,
                "ContactPerson" TEXT NULL,
                "DiscoveredAt" INTEGER NOT NULL,
                "LastSeenAt" INTEGER NOT NULL,
                CONSTRAINT "FK_Plants_Connections_ConnectionId" FOREIGN KEY ("ConnectionId") REFERENCES "Connections" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "SyncStates" (
                "ConnectionId" INTEGER NOT NULL,
                "DataClass" TEXT NOT NULL,
                "LastSuccessAt" INTEGER NULL,
                "LastFailureAt" INTEGER NULL,
                "LastError" TEXT NULL,
                "NextDueAt" INTEGER NOT NULL,
                "PlannedInterval" TEXT NOT NULL,
                "Cursor" TEXT NULL,
                CONSTRAINT "PK_SyncStates" PRIMARY KEY ("ConnectionId", "DataClass"),
                CONSTRAINT "FK_SyncStates_Connections_ConnectionId" FOREIGN KEY ("ConnectionId") REFERENCES "Connections" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Alarms" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Alarms" PRIMARY KEY AUTOINCREMENT,
                "PlantId" INTEGER NOT NULL,
                "DeviceId" INTEGER NULL,
                "DeviceName" TEXT NULL,
                "SerialNumber" TEXT NULL,
                "DeviceTypeId" INTEGER NULL,
                "AlarmId" INTEGER NOT NULL,
                "CauseId" INTEGER NULL,
                "Name" TEXT NOT NULL,
                "Cause" TEXT NULL,
                "RepairSuggestion" TEXT NULL,
                "Level" INTEGER NOT NULL,
                "AlarmType" INTEGER NULL,
                "RaisedAt" INTEGER NOT NULL,
                "FirstSeenAt" INTEGER NOT NULL,
                "LastSeenAt" INTEGER NOT NULL,
                "ClearedAt" INTEGER NULL,
                CONSTRAINT "FK_Alarms_Plants_PlantId" FOREIGN KEY ("PlantId") REFERENCES "Plants" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Devices" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Devices" PRIMARY KEY AUTOINCREMENT,
                "PlantId" INTEGER NOT NULL,
                "VendorId" INTEGER NOT NULL,
                "SerialNumber" TEXT NULL,
                "Name" TEXT NOT NULL,
                "TypeId" INTEGER NOT NULL,
                "Model" TEXT NULL,
                "Firmware" TEXT NULL,
                "Optimizers" INTEGER NULL,
                "LastSeenAt" INTEGER NOT NULL,
                CONSTRAINT "FK_Devices_Plants_PlantId" FOREIGN KEY ("PlantId") REFERENCES "Plants" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "DeviceSeries" (
                "DeviceId" INTEGER NOT NULL,
                "KpiId" INTEGER NOT NULL,
                "Day" INTEGER NOT NULL,
                "Values" BLOB NOT NULL,
                CONSTRAINT "PK_DeviceSeries" PRIMARY KEY ("DeviceId", "KpiId", "Day"),
                CONSTRAINT "FK_DeviceSeries_Devices_DeviceId" FOREIGN KEY ("DeviceId") REFERENCES "Devices" ("Id") ON DELETE CASCADE
            ) WITHOUT ROWID
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "LatestKpis" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_LatestKpis" PRIMARY KEY AUTOINCREMENT,
                "PlantId" INTEGER NULL,
                "DeviceId" INTEGER NULL,
                "CollectedAt" INTEGER NOT NULL,
                "ReceivedAt" INTEGER NOT NULL,
                "ValuesJson" TEXT NOT NULL,
                CONSTRAINT "FK_LatestKpis_Devices_DeviceId" FOREIGN KEY ("DeviceId") REFERENCES "Devices" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_LatestKpis_Plants_PlantId" FOREIGN KEY ("PlantId") REFERENCES "Plants" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "Reports" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Reports" PRIMARY KEY AUTOINCREMENT,
                "PlantId" INTEGER NULL,
                "DeviceId" INTEGER NULL,
                "Period" TEXT NOT NULL,
                "LocalStart" TEXT NOT NULL,
                "StartsAt" INTEGER NOT NULL,
                "ReceivedAt" INTEGER NOT NULL,
                "ValuesJson" TEXT NOT NULL,
                CONSTRAINT "FK_Reports_Devices_DeviceId" FOREIGN KEY ("DeviceId") REFERENCES "Devices" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Reports_Plants_PlantId" FOREIGN KEY ("PlantId") REFERENCES "Plants" ("Id") ON DELETE CASCADE
            )
            """);

        migrationBuilder.Sql("""
            CREATE INDEX "IX_Alarms_ClearedAt" ON "Alarms" ("ClearedAt")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Alarms_PlantId_SerialNumber_AlarmId_RaisedAt" ON "Alarms" ("PlantId", "SerialNumber", "AlarmId", "RaisedAt")
            """);

        migrationBuilder.Sql("""
            CREATE INDEX "IX_Calls_ConnectionId_Api_At" ON "Calls" ("ConnectionId", "Api", "At")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Devices_PlantId_VendorId" ON "Devices" ("PlantId", "VendorId")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_KpiNames_Name" ON "KpiNames" ("Name")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_LatestKpis_DeviceId" ON "LatestKpis" ("DeviceId")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_LatestKpis_PlantId" ON "LatestKpis" ("PlantId")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Plants_ConnectionId_VendorCode" ON "Plants" ("ConnectionId", "VendorCode")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Reports_DeviceId_Period_LocalStart" ON "Reports" ("DeviceId", "Period", "LocalStart")
            """);

        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Reports_PlantId_Period_LocalStart" ON "Reports" ("PlantId", "Period", "LocalStart")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Reports");
        migrationBuilder.DropTable("LatestKpis");
        migrationBuilder.DropTable("DeviceSeries");
        migrationBuilder.DropTable("Devices");
        migrationBuilder.DropTable("Alarms");
        migrationBuilder.DropTable("SyncStates");
        migrationBuilder.DropTable("Plants");
        migrationBuilder.DropTable("Calls");
        migrationBuilder.DropTable("KpiNames");
    }
}
