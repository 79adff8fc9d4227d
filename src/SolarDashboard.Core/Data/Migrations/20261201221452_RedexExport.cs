using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RedexExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RedexAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedApiKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedTokens = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedexAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RedexRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RemoteInvId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CapacityKw = table.Column<double>(type: "REAL", nullable: true),
                    OpeningKwh = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedexRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedexRegistrations_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RedexRegistrations_RedexAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "RedexAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RedexExportDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PeriodKwh = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AccumulatedKwh = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RegistryMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedexExportDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedexExportDays_RedexRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "RedexRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RedexExportDays_Current",
                table: "RedexExportDays",
                columns: new[] { "RegistrationId", "Day" },
                unique: true,
                filter: "\"IsCurrent\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_RedexExportDays_RegistrationId_Day_Version",
                table: "RedexExportDays",
                columns: new[] { "RegistrationId", "Day", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedexExportDays_State_ProcessId",
                table: "RedexExportDays",
                columns: new[] { "State", "ProcessId" });

            migrationBuilder.CreateIndex(
                name: "IX_RedexRegistrations_AccountId_RemoteInvId",
                table: "RedexRegistrations",
                columns: new[] { "AccountId", "RemoteInvId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedexRegistrations_DeviceId",
                table: "RedexRegistrations",
                column: "DeviceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RedexExportDays");

            migrationBuilder.DropTable(
                name: "RedexRegistrations");

            migrationBuilder.DropTable(
                name: "RedexAccounts");
        }
    }
}
