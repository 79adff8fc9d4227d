using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SolarDashboard.Core.Data.Migrations;

/// <summary>
/// Sign-in and access: users keyed by (issuer, subject), plants granted to users, OAuth consent states in flight, and
/// who owns a connection and which permission sets it was granted.
/// </summary>
[DbContext(typeof(SolarDbContext))]
[Migration("0003_Users")]
public sealed class Users : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Users" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
                "Issuer" TEXT NOT NULL,
                "Subject" TEXT NOT NULL,
                "DisplayName" TEXT NOT NULL,
                "UserName" TEXT NULL,
                "Email" TEXT NULL,
                "Roles" TEXT NOT NULL,
                "RolesFromProvider" INTEGER NOT NULL,
                "CreatedAt" INTEGER NOT NULL,
                "LastSignInAt" INTEGER NOT NULL
            )
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Users_Issuer_Subject" ON "Users" ("Issuer", "Subject")""");

        migrationBuilder.Sql("""
            CREATE TABLE "PlantGrants" (
                "UserId" INTEGER NOT NULL,
                "PlantId" INTEGER NOT NULL,
                "GrantedAt" INTEGER NOT NULL,
                CONSTRAINT "PK_PlantGrants" PRIMARY KEY ("UserId", "PlantId"),
                CONSTRAINT "FK_PlantGrants_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_PlantGrants_Plants_PlantId" FOREIGN KEY ("PlantId") REFERENCES "Plants" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_PlantGrants_PlantId" ON "PlantGrants" ("PlantId")""");

        migrationBuilder.Sql("""
            CREATE TABLE "ConsentStates" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsentStates" PRIMARY KEY AUTOINCREMENT,
                "StateHash" TEXT NOT NULL,
                "UserId" INTEGER NOT NULL,
                "SessionId" TEXT NOT NULL,
                "Purpose" TEXT NOT NULL,
                "ConnectionId" INTEGER NULL,
                "RedirectUri" TEXT NOT NULL,
                "CreatedAt" INTEGER NOT NULL,
                "ExpiresAt" INTEGER NOT NULL,
                CONSTRAINT "FK_ConsentStates_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
            )
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ConsentStates_StateHash" ON "ConsentStates" ("StateHash")""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ConsentStates_UserId" ON "ConsentStates" ("UserId")""");

        migrationBuilder.Sql("""ALTER TABLE "Connections" ADD COLUMN "OwnerUserId" INTEGER NULL REFERENCES "Users" ("Id") ON DELETE SET NULL""");
        migrationBuilder.Sql("""ALTER TABLE "Connections" ADD COLUMN "GrantedScopes" TEXT NULL""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Connections_OwnerUserId" ON "Connections" ("OwnerUserId")""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // SQLite cannot drop a column that carries a foreign key: the two nullable Connections columns stay, unused.
        migrationBuilder.Sql("""DROP INDEX "IX_Connections_OwnerUserId" """);
        migrationBuilder.Sql("""DROP TABLE "ConsentStates" """);
        migrationBuilder.Sql("""DROP TABLE "PlantGrants" """);
        migrationBuilder.Sql("""DROP TABLE "Users" """);
    }
}
