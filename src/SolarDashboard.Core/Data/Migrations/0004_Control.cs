using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SolarDashboard.Core.Data.Migrations;

/// <summary>
/// Control tasks, their plants and the audit trail. The audit tables have no foreign keys (they outlive what they name)
/// and triggers make them append-only: a task's lines can be added, never changed or deleted; tasks and their plant rows
/// can change state but never be deleted.
/// </summary>
[DbContext(typeof(SolarDbContext))]
[Migration("0004_Control")]
public sealed class Control : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ControlTasks" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ControlTasks" PRIMARY KEY AUTOINCREMENT,
                "ConnectionId" INTEGER NOT NULL,
                "Kind" TEXT NOT NULL,
                "SubmittedByUserId" INTEGER NOT NULL,
                "SubmittedByName" TEXT NOT NULL,
                "SubmittedAt" INTEGER NOT NULL,
                "RequestKey" TEXT NOT NULL,
                "Summary" TEXT NOT NULL,
                "State" TEXT NOT NULL,
                "VendorTaskId" TEXT NULL,
                "DeliveredAt" INTEGER NULL,
                "NextCheckAt" INTEGER NULL,
                "Checks" INTEGER NOT NULL,
                "FinishedAt" INTEGER NULL
            )
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ControlTasks_RequestKey" ON "ControlTasks" ("RequestKey")""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ControlTasks_State_NextCheckAt" ON "ControlTasks" ("State", "NextCheckAt")""");

        migrationBuilder.Sql("""
            CREATE TABLE "ControlTaskPlants" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ControlTaskPlants" PRIMARY KEY AUTOINCREMENT,
                "TaskId" INTEGER NOT NULL,
                "PlantId" INTEGER NOT NULL,
                "PlantName" TEXT NOT NULL,
                "PlantCode" TEXT NOT NULL,
                "ParametersJson" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "Message" TEXT NULL,
                "ChargedKwh" REAL NULL,
                "DischargedKwh" REAL NULL,
                "Active" INTEGER NOT NULL,
                "Effect" TEXT NULL,
                "EffectNote" TEXT NULL,
                "UpdatedAt" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_ControlTaskPlants_TaskId" ON "ControlTaskPlants" ("TaskId")""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ControlTaskPlants_PlantId_Active" ON "ControlTaskPlants" ("PlantId") WHERE "Active" = 1""");

        migrationBuilder.Sql("""
            CREATE TABLE "ControlTaskEvents" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ControlTaskEvents" PRIMARY KEY AUTOINCREMENT,
                "TaskId" INTEGER NOT NULL,
                "At" INTEGER NOT NULL,
                "Step" TEXT NOT NULL,
                "Detail" TEXT NOT NULL
            )
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_ControlTaskEvents_TaskId" ON "ControlTaskEvents" ("TaskId")""");

        migrationBuilder.Sql("""CREATE TRIGGER "ControlTaskEvents_NoUpdate" BEFORE UPDATE ON "ControlTaskEvents" BEGIN SELECT RAISE(ABORT, 'the control audit trail cannot be edited'); END""");
        migrationBuilder.Sql("""CREATE TRIGGER "ControlTaskEvents_NoDelete" BEFORE DELETE ON "ControlTaskEvents" BEGIN SELECT RAISE(ABORT, 'the control audit trail cannot be deleted'); END""");
        migrationBuilder.Sql("""CREATE TRIGGER "ControlTasks_NoDelete" BEFORE DELETE ON "ControlTasks" BEGIN SELECT RAISE(ABORT, 'control tasks cannot be deleted'); END""");
        migrationBuilder.Sql("""CREATE TRIGGER "ControlTaskPlants_NoDelete" BEFORE DELETE ON "ControlTaskPlants" BEGIN SELECT RAISE(ABORT, 'control tasks cannot be deleted'); END""");
        // What was asked and by whom is fixed once recorded; only the progress columns move.
        migrationBuilder.Sql("""
            CREATE TRIGGER "ControlTasks_FixedRequest" BEFORE UPDATE OF "ConnectionId", "Kind", "SubmittedByUserId", "SubmittedByName", "SubmittedAt", "RequestKey", "Summary" ON "ControlTasks"
            BEGIN SELECT RAISE(ABORT, 'a submitted control task cannot be edited'); END
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "ControlTaskPlants_FixedRequest" BEFORE UPDATE OF "TaskId", "PlantId", "PlantName", "PlantCode", "ParametersJson" ON "ControlTaskPlants"
            BEGIN SELECT RAISE(ABORT, 'a submitted control task cannot be edited'); END
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE "ControlTaskEvents" """);
        migrationBuilder.Sql("""DROP TABLE "ControlTaskPlants" """);
        migrationBuilder.Sql("""DROP TABLE "ControlTasks" """);
    }
}
